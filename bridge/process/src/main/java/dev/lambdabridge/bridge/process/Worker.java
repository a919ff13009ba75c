package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.DeadlineWatchdog;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One worker process and its connection, the bridge side of docs/worker-protocol.md, once started
 * ({@link WorkerStart}): one INVOKE and its RESULT or ERROR at a time ({@link InvokeExchange}), its output in the
 * function's log ({@link WorkerOutput}). This class holds those parts, kills the worker (for its deadline, or when
 * it broke off) and says whether it can serve ({@link #usable}).
 *
 * <p>Waits use blocking I/O on the invoking thread; what must end a wait (the deadline) kills the worker and
 * closes the connection from the timer thread, which ends the blocked read or write. A worker that exits closes its
 * end of the socket, which ends the read with end-of-stream.
 *
 * <p>Once {@link #kill killed} (timeout, protocol error, exit, close) a worker is not used again: the handler starts
 * a new one.
 */
final class Worker {
    static final String SOCKET_VARIABLE = "LAMBDA_BRIDGE_WORKER_SOCKET";
    static final String PROTOCOL_VARIABLE = "LAMBDA_BRIDGE_PROTOCOL";
    /** After the worker's connection ended, how long to wait for it to exit. */
    private static final long EXIT_WAIT_MILLIS = 1_000;

    final WorkerSettings settings;
    final WorkerFailures failures;
    private final WorkerSocket socket;
    private final ChildProcess child;
    private final WorkerOutput output;
    private volatile boolean killed;
    private volatile boolean timedOut;
    private volatile WorkerConnection connection;

    Worker(WorkerSettings settings, WorkerSocket socket, ChildProcess child, WorkerOutput output) {
        this.settings = settings;
        this.socket = socket;
        this.child = child;
        this.output = output;
        this.failures = new WorkerFailures(settings.display(), output::stderrTail);
    }

    /**
     * Serves one invocation: INVOKE, then RESULT (copied to {@code response}) or ERROR (thrown).
     *
     * @throws EventNotDelivered when the INVOKE could not be written (the worker was gone), or the worker ended
     *                           with it unread (the connection was reset); no handler saw the event
     * @throws GuestError        for the worker's ERROR (the worker stays usable), and for a timeout, an exit, a
     *                           protocol error or an oversized RESULT (the worker is killed)
     */
    void invoke(Invocation invocation, OutputStream response, long killAtMillis)
            throws EventNotDelivered, IOException {
        output.serving(invocation.requestId());
        InvokeExchange.serve(this, invocation, response, killAtMillis);
    }

    Process process() {
        return child.process();
    }

    long pid() {
        return child.pid();
    }

    WorkerSocket socket() {
        return socket;
    }

    WorkerConnection connection() {
        return connection;
    }

    /** The connection, as soon as the worker connected: a kill from then on closes it. */
    void connected(WorkerConnection connection) {
        this.connection = connection;
    }

    /** Whether the timer of the current wait fired (the worker was killed for its deadline). */
    boolean timedOut() {
        return timedOut;
    }

    /** Kills the worker at {@code atMillis} unless cancelled, and marks it {@link #timedOut}. */
    DeadlineWatchdog.Armed killAt(long atMillis) {
        return DeadlineWatchdog.SHARED.arm(() -> {
            timedOut = true;
            kill();
        }, atMillis);
    }

    /** Waits a little for the worker to exit; its status (its last output lines logged), or null when it runs. */
    Integer awaitExit() {
        try {
            Integer status = child.awaitExit(EXIT_WAIT_MILLIS);
            if (status != null) {
                output.awaitEnd();
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The worker's output: its lines, the stderr tail of its errors. */
    WorkerOutput output() {
        return output;
    }

    /** The process exited (on a pump thread): unless it was killed, what it left running goes, and the log says so. */
    void exited() {
        if (killed) {
            return;
        }
        // a process the worker started may still hold the socket or the pipes: nothing of it may stay behind
        child.killLeftovers();
        settings.log().note(failures.exitedNote(child.pid(), child.process().exitValue()));
    }

    /**
     * Whether the next INVOKE can go to this worker: alive, not killed, its end of the connection still open, and
     * nothing unread on the connection (bytes sent after its last answer would be taken for the next answer).
     * Costs a non-blocking read (a few microseconds). A worker found unusable is killed: whoever drops it next does
     * not kill it again (found by the soak: the sockets of exited workers stayed open).
     */
    boolean usable() {
        if (killed) {
            return false;
        }
        WorkerConnection current = connection;
        if (!child.process().isAlive() || current == null || !current.isOpen()) {
            kill(); // it exited (a shim exits after reporting a fatal error)
            return false;
        }
        try {
            byte[] stray = new byte[Frames.SHOWN_BYTES];
            int read = current.readWithoutWaiting(stray);
            if (read > 0) {
                settings.log().note(failures.strayDataNote(stray, read));
            }
            if (read != 0) { // stray bytes, or it closed its end (it is exiting, or it broke off)
                kill();
                return false;
            }
        } catch (IOException e) {
            kill();
            return false;
        }
        return true;
    }

    /** Kills the worker and what it started, closes the connection and removes the socket. Idempotent. */
    void kill() {
        killed = true;
        child.killTree(0);
        WorkerConnection current = connection;
        if (current != null) {
            current.close();
        }
        socket.close();
    }

    /** {@link #kill()}, then waits for the process to be gone. */
    void killAndWait() {
        kill();
        awaitGone();
    }

    /** Waits (a bounded time) for a killed worker's process to be gone. */
    void awaitGone() {
        child.awaitGone(ChildProcess.KILL_WAIT_MILLIS);
    }
}
