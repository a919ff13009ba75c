package dev.lambdabridge.childprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves one output stream of a child process (stdout or stderr, a pipe) into a sink until its end, so that a
 * flood of output never blocks the child, and can be asked to catch up: {@link #catchUp} returns once what the
 * child wrote so far has been handed on. Both users need that: a worker (process bridge) or a runtime (emulator)
 * writes a log line and then answers on another channel, and the line must land in that invocation's log, not
 * after its end.
 *
 * <p>While the child lives, the pump polls the stream ({@code available()}, sleeping {@value #MIN_IDLE_MILLIS} ms
 * after output, doubling up to {@value #MAX_IDLE_MILLIS} ms while it stays quiet) instead of blocking in
 * {@code read()}, and a caller that catches up reads what is waiting itself; both read under one fair lock. With a
 * blocking read, bytes could be out of the pipe but not yet handed on for as long as the pump thread went
 * unscheduled after its read returned (seen on a loaded 2-core machine: a line printed just before a response
 * missing from that invocation's log tail). Nobody blocks while holding the stream, so {@code available()} is
 * exact. (Commons Exec's {@code StreamPumper} blocks in {@code read()} holding the stream's lock, so nothing else
 * can ask the pipe what is waiting.) After the child exits, the pump reads with blocking reads to the end of the
 * stream (its descendants may still hold it); a caller then only waits while the pump hands on a read.
 *
 * <p>The sink is written under the lock, by the pump's thread or by a catching-up caller, one at a time; it is
 * closed at the end of the stream (a line splitter then hands on a last line without a newline).
 */
public final class OutputPump implements Runnable {
    private static final long MIN_IDLE_MILLIS = 1;
    private static final long MAX_IDLE_MILLIS = 50;
    /** The most a catching-up caller reads itself: more than a pipe holds (64 KB) plus the stream's buffer. */
    private static final long CATCH_UP_BYTES = 256 * 1024;
    private static final int CHUNK_BYTES = 8192;

    private final ProcessHandle process;
    private final InputStream in;
    private final OutputStream sink;
    /** One reader of the stream at a time, the pump or a catching-up caller; fair, so a flood cannot starve one. */
    private final ReentrantLock drain = new ReentrantLock(true);
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread thread;
    /** After the child's exit only: the pump is handing on what its blocking read returned. */
    private volatile boolean busy;
    /** Set when the child has exited and the pump reads with blocking reads. */
    private volatile boolean blocking;

    private OutputPump(ProcessHandle process, InputStream in, OutputStream sink) {
        this.process = process;
        this.in = in;
        this.sink = sink;
    }

    /**
     * Pumps {@code in}, an output stream of {@code process}, into {@code sink} on a thread of {@code threads} (it
     * holds the thread until the end of the stream).
     */
    public static OutputPump start(ProcessHandle process, InputStream in, OutputStream sink, Executor threads) {
        OutputPump pump = new OutputPump(process, in, sink);
        threads.execute(pump);
        return pump;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            long idleNanos = TimeUnit.MILLISECONDS.toNanos(MIN_IDLE_MILLIS);
            while (process.isAlive()) {
                if (drainOnce()) {
                    idleNanos = TimeUnit.MILLISECONDS.toNanos(MIN_IDLE_MILLIS);
                } else {
                    LockSupport.parkNanos(this, idleNanos);
                    idleNanos = Math.min(idleNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_MILLIS));
                }
            }
            blocking = true;
            int read;
            while ((read = in.read(chunk)) >= 0) {
                busy = true;
                drain.lock();
                try {
                    sink.write(chunk, 0, read);
                } finally {
                    drain.unlock();
                }
                busy = false;
            }
        } catch (IOException closed) {
            // the pipe was closed under us (the child's tree was killed), or the sink failed: nothing more to read
        } finally {
            drain.lock();
            try {
                sink.close();
            } catch (IOException ignored) {
                // the sink's own failure: nothing left to hand on
            } finally {
                drain.unlock();
            }
            busy = false;
            thread = null;
            ended.countDown();
        }
    }

    /** Reads and hands on one chunk of what is waiting, without blocking; false when nothing was. */
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
            sink.write(chunk, 0, read);
            return true;
        } finally {
            drain.unlock();
        }
    }

    /**
     * Hands on what the child has written so far: while it lives, by reading it here (at most
     * {@value #CATCH_UP_BYTES} bytes: a child that goes on flooding does not hold the caller); after its exit, by
     * waiting up to {@code maxMillis} for the pump to hand on its last read. Costs one {@code available()} call
     * when nothing is pending.
     */
    public void catchUp(long maxMillis) {
        if (!blocking) {
            try {
                for (long taken = 0; taken < CATCH_UP_BYTES && drainOnce(); taken += chunk.length) {
                    // another chunk
                }
            } catch (IOException closed) {
                // the stream ended: the pump hands on the rest, if any
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (busy && deadline - System.nanoTime() > 0 && ended.getCount() > 0) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /**
     * Waits up to {@code maxMillis} for the end of the stream (the child and its descendants closed it, and the
     * sink was closed); whether it came. Keeps the interrupt.
     */
    public boolean awaitEnd(long maxMillis) {
        Thread pumping = thread;
        if (pumping != null) {
            LockSupport.unpark(pumping); // an idle pump sees the exit now, not at its next poll
        }
        try {
            return ended.await(Math.max(0, maxMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
