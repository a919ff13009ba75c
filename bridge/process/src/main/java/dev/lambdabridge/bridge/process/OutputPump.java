package dev.lambdabridge.bridge.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves one of a program's output streams (a pipe) into {@code out} until its end, and can be asked to catch up:
 * {@link #catchUp} returns once every byte the program wrote so far has been handed on. A worker writes a log line
 * to stderr and then its RESULT to the socket; the bridge reads the RESULT first, and without catching up the line
 * reached the log after the invocation's end (seen: a Node.js worker's console.error line missing from the
 * invocation's log tail on a quiet machine).
 *
 * <p>Written by hand because Commons Exec's {@code StreamPumper} blocks in {@code read()} holding the pipe stream's
 * lock, so nothing else can ask the pipe how much is waiting ({@code available()} would block until the program
 * writes again). This pump reads only what is waiting while the program lives (polling every
 * {@value #IDLE_POLL_MICROS} us when idle) and blocks in {@code read()} only once it has exited, until the end of
 * the stream (descendants may still hold it).
 */
final class OutputPump implements Runnable {
    private static final long IDLE_POLL_MICROS = 2_000;

    private final InputStream in;
    private final OutputStream out;
    private final boolean closeOut;
    private final Process process;
    private final byte[] buffer;
    /** True between taking bytes from the pipe and handing them on. */
    private volatile boolean moving;

    OutputPump(Process process, InputStream in, OutputStream out, boolean closeOut, int bufferSize) {
        this.process = process;
        this.in = in;
        this.out = out;
        this.closeOut = closeOut;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void run() {
        try {
            while (true) {
                int waiting = in.available();
                if (waiting > 0) {
                    if (!move(Math.min(waiting, buffer.length))) {
                        break;
                    }
                } else if (!process.isAlive()) {
                    if (!move(buffer.length)) { // blocks until more or the end: nothing asks it any more
                        break;
                    }
                } else {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(IDLE_POLL_MICROS));
                }
            }
        } catch (IOException ended) {
            // the pipe was closed under us (the program's tree was killed): what was read is handed on
        } finally {
            if (closeOut) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the log's own stream: nothing to do
                }
            }
        }
    }

    /** Reads up to {@code max} bytes and hands them on; false at the end of the stream. */
    private boolean move(int max) throws IOException {
        moving = true;
        try {
            int read = in.read(buffer, 0, max);
            if (read < 0) {
                return false;
            }
            out.write(buffer, 0, read);
            return true;
        } finally {
            moving = false;
        }
    }

    /**
     * Waits, up to {@code maxMillis}, until what the program has written so far is handed on (the pipe empty and no
     * bytes in hand). Costs one {@code available()} call when nothing is pending.
     */
    void catchUp(long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        try {
            while ((moving || in.available() > 0) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(50_000);
            }
        } catch (IOException closed) {
            // the stream ended: the pump has handed on all there was
        }
    }
}
