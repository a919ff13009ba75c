package dev.lambdabridge.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads one output stream of the runtime process, line by line, on its own thread, so that a flood of output
 * never blocks the child. Lines longer than {@link Limits#LOG_LINE_BYTES} are split.
 */
final class LogPump implements Runnable {
    private final InputStream in;
    private final Consumer<String> lines;
    private final long pid;
    private final int fd;
    private final Thread thread;
    private volatile boolean busy;
    /** Opened at the first catch-up, not at the start: a child just spawned may not have its pipes in place yet. */
    private PipeProbe probe;
    private boolean ended;

    private LogPump(InputStream in, long pid, int fd, Consumer<String> lines, String threadName) {
        this.in = in;
        this.pid = pid;
        this.fd = fd;
        this.lines = lines;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this);
    }

    /**
     * Pumps {@code in}, the child's descriptor {@code fd} (1 or 2); a {@link PipeProbe} on that descriptor tells
     * how many bytes wait in the pipe (the stream's own {@code available()} would block behind the pump's read).
     */
    static LogPump start(InputStream in, long pid, int fd, Consumer<String> lines, String threadName) {
        LogPump pump = new LogPump(in, pid, fd, lines, threadName);
        pump.thread.start();
        return pump;
    }

    private synchronized PipeProbe probe() {
        if (probe == null) {
            probe = ended ? PipeProbe.none() : PipeProbe.open(pid, fd);
        }
        return probe;
    }

    private synchronized void closeProbe() {
        ended = true;
        if (probe != null) {
            probe.close();
        }
    }

    @Override
    public void run() {
        byte[] chunk = new byte[8192];
        byte[] line = new byte[1024];
        int lineLength = 0;
        try {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                busy = true;
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == '\n' || lineLength == Limits.LOG_LINE_BYTES) {
                        emit(line, lineLength);
                        lineLength = 0;
                        if (b == '\n') {
                            continue;
                        }
                    }
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, Math.min(line.length * 2, Limits.LOG_LINE_BYTES));
                    }
                    line[lineLength++] = b;
                }
                busy = false;
            }
        } catch (IOException closed) {
            // the process is gone and its pipe closed: nothing more to read
        } finally {
            if (lineLength > 0) {
                emit(line, lineLength);
            }
            busy = false;
            closeProbe();
        }
    }

    private void emit(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        lines.accept(new String(line, 0, end, StandardCharsets.UTF_8));
    }

    /**
     * Waits (up to the limit) until what the child has written so far has been handed on as lines, so that a
     * line printed just before a response lands in that invocation's log. Costs one {@code available()} call
     * when nothing is pending.
     */
    void awaitCaughtUp(long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        if (!pending()) {
            return; // the common case: one FIONREAD, no waiting
        }
        while (pending() && System.nanoTime() < deadline && thread.isAlive()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private boolean pending() {
        return busy || probe().pendingBytes() > 0;
    }

    /** Waits for the end of the stream (the child and its descendants closed it). */
    void awaitEnd(long maxMillis) {
        try {
            thread.join(maxMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
