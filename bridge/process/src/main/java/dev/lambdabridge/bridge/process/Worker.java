package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.DeadlineWatchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One worker process and its connection, the bridge side of docs/worker-protocol.md: a socket of its own
 * ({@link WorkerSocket}), the program started with {@code LAMBDA_BRIDGE_WORKER_SOCKET} and
 * {@code LAMBDA_BRIDGE_PROTOCOL=1}, READY ({@link ReadyHandshake}), then one INVOKE and its RESULT or ERROR at a time
 * ({@link InvokeExchange}). Its stdout and stderr are drained line by line into the function's log, tagged with the
 * request id of the invocation being served (or last served). This class holds those parts and says whether the
 * worker can serve ({@link #usable}).
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
    /** After the worker's connection ended, how long to wait for it to exit and for its last output lines. */
    private static final long EXIT_WAIT_MILLIS = 1_000;
    /** How long the last output lines may take to reach the log once the worker is gone. */
    private static final long OUTPUT_WAIT_MILLIS = 500;
    /** How long an answer waits, at most, for each output stream to hand on what the worker printed before it. */
    private static final long CATCH_UP_MILLIS = 50;

    /** What a worker is started from; shared by the workers of one handler. */
    record Settings(Program program, RuntimeEnvironment lambda, FunctionLog log) {
        String display() {
            return "worker \"" + program.command().display() + "\"";
        }
    }

    /** The INVOKE could not be written: the worker never got the event, so it is safe to retry on a new one. */
    static final class NotDelivered extends Exception {
        NotDelivered(IOException cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    final Settings settings;
    final WorkerFailures failures;
    private final WorkerSocket socket;
    private final ChildProcess child;
    private final LineLog stdout;
    private final LineLog stderr;
    private volatile String requestId;
    private volatile boolean killed;
    private volatile boolean timedOut;
    private volatile WorkerConnection connection;

    private Worker(Settings settings, WorkerSocket socket, ChildProcess child, String requestId) {
        this.settings = settings;
        this.socket = socket;
        this.child = child;
        this.requestId = requestId;
        this.stdout = new LineLog(settings.log(), () -> this.requestId);
        this.stderr = new LineLog(settings.log(), () -> this.requestId);
        this.failures = new WorkerFailures(settings.display(), () -> stderr.lastLinesSuffix("stderr"));
    }

    /**
     * Starts a worker and waits for its READY until {@code readyByMillis}.
     *
     * @param requestId the invocation the start is for (tags the log lines), null during init
     * @throws GuestError when it cannot be started, exits, stays silent, breaks the protocol, or reports ERROR
     *                     (then with the worker's own errorType, message and stack trace)
     */
    static Worker start(Settings settings, long readyByMillis, String requestId) {
        long startNanos = System.nanoTime();
        WorkerSocket socket;
        try {
            socket = WorkerSocket.open(settings.lambda().variables().get("TMPDIR"));
        } catch (IOException e) {
            throw WorkerFailures.socketNotOpened(settings.display(), e);
        }
        ChildProcess child;
        try {
            child = settings.program().start(settings.display(), null, false, null, Map.of(
                    SOCKET_VARIABLE, socket.path().toString(),
                    PROTOCOL_VARIABLE, Integer.toString(WorkerPayloads.PROTOCOL)), SOCKET_VARIABLE + "=" + socket.path());
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        Worker worker = new Worker(settings, socket, child, requestId);
        try {
            child.drainOutputCatchingUp(worker.stdout, worker.stderr);
            child.process().onExit().thenRunAsync(worker::onExit, Threads.PUMPS);
            ReadyHandshake.await(worker, readyByMillis);
        } catch (RuntimeException e) {
            worker.killAndWait(); // gone before init is reported failed: nothing is left behind
            throw e;
        }
        settings.log().note(worker.failures.readyNote(child.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
        return worker;
    }

    /**
     * Serves one invocation: INVOKE, then RESULT (copied to {@code response}) or ERROR (thrown).
     *
     * @throws NotDelivered when the INVOKE could not be written (the worker was gone), or the worker ended with it
     *                      unread (the connection was reset); no handler saw the event
     * @throws GuestError  for the worker's ERROR (the worker stays usable), and for a timeout, an exit, a protocol
     *                      error or an oversized RESULT (the worker is killed)
     */
    void invoke(Invocation invocation, OutputStream response, long killAtMillis) throws NotDelivered, IOException {
        requestId = invocation.requestId();
        stderr.clearKept();
        InvokeExchange.serve(this, invocation, response, killAtMillis);
    }

    Process process() {
        return child.process();
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
                awaitOutput();
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Lets the pumps log what the worker printed before the answer just read (at most a few milliseconds). */
    void catchUpOutput() {
        child.catchUpOutput(CATCH_UP_MILLIS);
    }

    /** Lets the pumps log the worker's last output lines (they end when the worker and its children are gone). */
    void awaitOutput() {
        try {
            child.awaitOutput(System.currentTimeMillis() + OUTPUT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onExit() {
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
     * Costs a non-blocking read (a few microseconds).
     */
    boolean usable() {
        if (killed) {
            return false;
        }
        WorkerConnection current = connection;
        if (!child.process().isAlive() || current == null || !current.isOpen()) {
            // it exited (a shim exits after reporting a fatal error): close its socket now, since whoever drops
            // this worker next does not kill it again (found by the soak: the sockets stayed open)
            kill();
            return false;
        }
        try {
            byte[] stray = new byte[Frames.SHOWN_BYTES];
            int read = current.readWithoutWaiting(stray);
            if (read > 0) {
                settings.log().note(failures.strayDataNote(stray, read));
                kill();
                return false;
            }
            if (read < 0) { // it closed its end (it is exiting, or it broke off)
                kill();
                return false;
            }
        } catch (IOException e) {
            kill();
            return false;
        }
        return true;
    }

    long pid() {
        return child.pid();
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
