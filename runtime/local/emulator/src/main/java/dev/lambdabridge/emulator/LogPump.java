package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Reads one output stream of the runtime process, line by line, on its own thread, so that a flood of output
 * never blocks the child. Lines longer than {@link LambdaLimits#LOG_LINE_BYTES} are split.
 */
final class LogPump implements Runnable {
    /** How long an idle pump sleeps between polls: doubling from the first to the second after output stops. */
    private static final long MIN_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The most a catching-up caller reads itself: more than a pipe holds (64 KB) plus the stream's buffer. */
    private static final long CATCH_UP_BYTES = 256 * 1024;

    private final InputStream in;
    private final Consumer<String> lines;
    private final ProcessHandle process;
    /** One reader of the stream at a time, the pump or a catching-up caller; fair, so a flood cannot starve one. */
    private final ReentrantLock drain = new ReentrantLock(true);
    private final byte[] chunk = new byte[8192];
    private byte[] line = new byte[1024];
    private int lineLength;
    private final Thread thread;
    /** After the process's exit only: the pump is handing on what its blocking read returned. */
    private volatile boolean busy;
    /** Set when the process has exited and the pump reads with blocking reads. */
    private volatile boolean blocking;

    private LogPump(InputStream in, long pid, Consumer<String> lines, String threadName) {
        this.in = in;
        this.process = ProcessHandle.of(pid).orElse(null);
        this.lines = lines;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this);
    }

    /** Pumps {@code in}, an output stream of the process {@code pid}, on a thread of that name. */
    static LogPump start(InputStream in, long pid, Consumer<String> lines, String threadName) {
        LogPump pump = new LogPump(in, pid, lines, threadName);
        pump.thread.start();
        return pump;
    }

    /**
     * While the process lives, the pump polls the stream instead of blocking in its read, and a waiter that
     * catches up reads what is there itself ({@link #awaitCaughtUp}); both read under {@link #drain}. With a
     * blocking read, bytes could be out of the pipe but not yet handed on for as long as the pump thread went
     * unscheduled after its read returned, and a line printed just before a response missed that invocation's log
     * tail (seen at load 7 and over: 3 module runs of 25, 1 of 4 runs of 200 invocations). Nobody blocks while
     * holding the stream, so {@code available()} is exact: the pipe and the stream's buffer. After the process
     * exits, blocking reads to the end of the stream (its descendants may still write): no response is ordered
     * against those lines, and a waiter only waits while the pump hands on a read ({@link #busy}).
     */
    @Override
    public void run() {
        try {
            long idleNanos = MIN_IDLE_NANOS;
            while (process != null && process.isAlive()) {
                if (drainOnce()) {
                    idleNanos = MIN_IDLE_NANOS;
                } else {
                    LockSupport.parkNanos(this, idleNanos);
                    idleNanos = Math.min(idleNanos * 2, MAX_IDLE_NANOS);
                }
            }
            blocking = true;
            int read;
            while ((read = in.read(chunk)) >= 0) {
                busy = true;
                drain.lock();
                try {
                    split(read);
                } finally {
                    drain.unlock();
                }
                busy = false;
            }
        } catch (IOException closed) {
            // the process is gone and its pipe closed: nothing more to read
        } finally {
            drain.lock();
            try {
                if (lineLength > 0) {
                    emit(line, lineLength);
                    lineLength = 0;
                }
            } finally {
                drain.unlock();
            }
            busy = false;
        }
    }

    /** Reads and hands on one chunk of what is available, without waiting; false when nothing was. */
    private boolean drainOnce() throws IOException {
        drain.lock();
        try {
            int available = in.available();
            if (available <= 0) {
                return false;
            }
            int read = in.read(chunk, 0, Math.min(chunk.length, available));
            if (read <= 0) {
                return false;
            }
            split(read);
            return true;
        } finally {
            drain.unlock();
        }
    }

    /** Splits {@code read} bytes of {@link #chunk} into lines (under {@link #drain}). */
    private void split(int read) {
        for (int i = 0; i < read; i++) {
            byte b = chunk[i];
            if (b == '\n' || lineLength == LambdaLimits.LOG_LINE_BYTES) {
                emit(line, lineLength);
                lineLength = 0;
                if (b == '\n') {
                    continue;
                }
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, LambdaLimits.LOG_LINE_BYTES));
            }
            line[lineLength++] = b;
        }
    }

    private void emit(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        lines.accept(new String(line, 0, end, StandardCharsets.UTF_8));
    }

    /**
     * Hands on what the child has written so far, so that a line printed just before a response lands in that
     * invocation's log: while the process lives, by reading it here (at most {@link #CATCH_UP_BYTES}: a child
     * that goes on flooding after its response does not hold the caller); after its exit, by waiting (up to the
     * limit) for the pump. Costs one {@code available()} call when nothing is pending.
     */
    void awaitCaughtUp(long maxMillis) {
        if (!blocking) {
            try {
                for (long taken = 0; taken < CATCH_UP_BYTES && drainOnce(); taken += chunk.length) {
                    // another chunk
                }
                return;
            } catch (IOException closed) {
                return;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (busy && System.nanoTime() < deadline && thread.isAlive()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Waits for the end of the stream (the child and its descendants closed it). */
    void awaitEnd(long maxMillis) {
        LockSupport.unpark(thread); // an idle pump sees the exit now, not at its next poll
        try {
            thread.join(maxMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
