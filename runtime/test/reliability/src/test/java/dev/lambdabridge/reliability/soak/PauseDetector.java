package dev.lambdabridge.reliability.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Notices when the soak's own JVM (the callers and the emulator) stops running: a platform thread that sleeps
 * {@value #TICK_MILLIS} ms at a time and keeps every wake-up later than {@value #REPORTED_MILLIS} ms past its due
 * time (a GC or safepoint pause, or a machine too loaded to schedule it). An invocation that ends wrong while
 * this JVM was paused is still wrong; the report says when the pauses were, so that a reader can tell a fault
 * of the runtime from a stall of the harness.
 */
final class PauseDetector implements AutoCloseable {
    static final long TICK_MILLIS = 50;
    static final long REPORTED_MILLIS = 1_000;

    /** One late wake-up: when it ended (epoch ms) and how late it was. */
    record Pause(long endedAtMillis, long lateMillis) {
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    PauseDetector() {
        thread = Thread.ofPlatform().daemon().name("soak-pauses").start(this::loop);
    }

    private void loop() {
        while (!stop) {
            long due = System.nanoTime() + TICK_MILLIS * 1_000_000;
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long late = (System.nanoTime() - due) / 1_000_000;
            if (late > REPORTED_MILLIS) {
                synchronized (this) {
                    pauses.add(new Pause(System.currentTimeMillis(), late));
                }
            }
        }
    }

    synchronized List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
    }
}
