package dev.lambdabridge.bridge.polyglot.node;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * I/O completions on their way into a context's event loop: Java threads (the HTTP client's, DNS look-ups) post a
 * completion here; the context's own thread runs it in the loop's I/O phase ({@link EventLoop}), since a context
 * runs guest code on one thread at a time. Operations in flight (from {@link #started()} to their completion's
 * delivery) hold the loop open, as Node's active handles do.
 */
public final class IoQueue {
    /** How long one wait lasts at most before the cancellation check runs again. */
    private static final long CHECK_EVERY_MS = 20;

    private final ArrayDeque<Runnable> completions = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** An operation started; its completion must be {@link #complete posted} exactly once. */
    public void started() {
        inFlight.incrementAndGet();
    }

    /** Posts the completion of a started operation (from any thread); it runs on the context's thread. */
    public synchronized void complete(Runnable completion) {
        completions.add(() -> {
            inFlight.decrementAndGet();
            completion.run();
        });
        notifyAll();
    }

    /** Operations started and not yet delivered. */
    public boolean pending() {
        return inFlight.get() > 0;
    }

    /** The next completion ready to run, or null. */
    synchronized Runnable poll() {
        return completions.poll();
    }

    /**
     * Waits until a completion is ready or {@code millis} pass ({@code millis < 0}: until a completion), running
     * {@code cancelled} every few milliseconds so that a cancelled invocation does not wait on.
     */
    void await(long millis, Runnable cancelled) throws InterruptedException {
        long until = millis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
        for (;;) {
            cancelled.run();
            synchronized (this) {
                long left = until - System.currentTimeMillis();
                if (!completions.isEmpty() || left <= 0) {
                    return;
                }
                wait(Math.min(left, CHECK_EVERY_MS));
            }
        }
    }
}
