package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.OutputPump;
import dev.lambdabridge.childprocess.ProcessTree;

import org.apache.commons.exec.StreamPumper;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started program ({@link Program#start}) with the marker its descendants carry: its output pumps, its exit,
 * and the kill of its whole tree ({@link ProcessTree}). Shared by {@code exec:} runs and workers.
 *
 * <p>Apache Commons Exec's {@link StreamPumper} (runtime/child-process's {@link OutputPump} for a worker's output,
 * which can catch up) moves the bytes, each stream on a pooled thread ({@link Threads#PUMPS}), so that no stream
 * can block the program.
 */
final class ChildProcess {
    /** After a kill, how long to wait for the process to be gone before going on. */
    static final long KILL_WAIT_MILLIS = 2_000;
    private static final int PUMP_BUFFER = 64 * 1024;

    private final Process process;
    private final String marker;
    private final List<Future<?>> outputPumps = new ArrayList<>(2);
    private final List<OutputPump> pumps = new ArrayList<>(2);

    ChildProcess(Process process, String marker) {
        this.process = process;
        this.marker = marker;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Starts the pumps of stdout into {@code stdout} (closed at its end when {@code closeStdout}) and of stderr
     * into {@code stderr} (closed at its end); {@link #awaitOutput} waits for both. For an {@code exec:} run.
     */
    void drainOutput(OutputStream stdout, boolean closeStdout, OutputStream stderr) {
        outputPumps.add(Threads.PUMPS.submit(new StreamPumper(process.getInputStream(), stdout, closeStdout,
                PUMP_BUFFER)));
        outputPumps.add(Threads.PUMPS.submit(new StreamPumper(process.getErrorStream(), stderr, true, PUMP_BUFFER)));
    }

    /**
     * As {@link #drainOutput}, with pumps that {@link #catchUpOutput} can ask to catch up, each closing its sink
     * at its end: for a worker, whose log lines must land before the answer that follows them. (An {@code exec:}
     * run's output is read to its end after the program exits, with Commons Exec's pumps, which block in their
     * reads from the start and keep reading what its descendants write after it.)
     */
    void drainOutputCatchingUp(OutputStream stdout, OutputStream stderr) {
        pumps.add(OutputPump.start(process.toHandle(), process.getInputStream(), stdout, Threads.PUMPS));
        pumps.add(OutputPump.start(process.toHandle(), process.getErrorStream(), stderr, Threads.PUMPS));
    }

    /**
     * Waits, up to {@code maxMillis} for each stream, until what the program wrote to stdout and stderr so far has
     * been handed on: a line printed before an answer lands in that invocation's log.
     */
    void catchUpOutput(long maxMillis) {
        pumps.forEach(pump -> pump.catchUp(maxMillis));
    }

    /** Writes {@code bytes} to the program's stdin (a pipe) and closes it, on a pump thread. */
    void feedStdin(byte[] bytes) {
        Threads.PUMPS.submit(new StreamPumper(new ByteArrayInputStream(bytes), process.getOutputStream(), true,
                PUMP_BUFFER));
    }

    /**
     * Waits for the output pumps to reach the end of their streams (the program and everything that holds its
     * stdout and stderr are gone); false if one has not by {@code untilMillis}.
     */
    boolean awaitOutput(long untilMillis) throws InterruptedException {
        for (Future<?> pump : outputPumps) {
            try {
                pump.get(Math.max(0, untilMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // StreamPumper catches its own failures; nothing is thrown here
            }
        }
        for (OutputPump pump : pumps) {
            if (!pump.awaitEnd(untilMillis - System.currentTimeMillis())) {
                return false;
            }
        }
        return true;
    }

    /** Waits up to {@code millis} for the program to exit; its status, or null when it is still running. */
    Integer awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Waits up to {@code millis} for the program to be gone (after a kill); keeps the interrupt. */
    void awaitGone(long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the program, its descendants and what carries its marker (SIGKILL); waits up to {@code waitMillis} for
     * the program to be gone.
     *
     * @return how many processes besides the program were killed
     */
    int killTree(long waitMillis) {
        return ProcessTree.kill(process.toHandle(), marker, waitMillis);
    }

    /**
     * Kills every process that carries the marker: what the program started and left running (and the program
     * itself, if it still runs); how many.
     */
    int killLeftovers() {
        return ProcessTree.killMarked(marker);
    }
}
