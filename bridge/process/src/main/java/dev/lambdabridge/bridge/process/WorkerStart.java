package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.GuestError;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How a worker starts (docs/worker-protocol.md): a socket of its own ({@link WorkerSocket}), the program started
 * with {@value Worker#SOCKET_VARIABLE} and {@value Worker#PROTOCOL_VARIABLE}, its output pumped into the log
 * ({@link WorkerOutput}), its exit watched, then READY ({@link ReadyHandshake}). A start that fails leaves
 * nothing behind: the socket is removed and the worker, with what it started, is gone before the error is thrown.
 */
final class WorkerStart {
    private WorkerStart() {
    }

    /**
     * Starts a worker and waits for its READY until {@code readyByMillis}.
     *
     * @param requestId the invocation the start is for (tags the log lines), null during init
     * @throws GuestError when it cannot be started, exits, stays silent, breaks the protocol, or reports ERROR
     *                     (then with the worker's own errorType, message and stack trace)
     */
    static Worker start(WorkerSettings settings, long readyByMillis, String requestId) {
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
                    Worker.SOCKET_VARIABLE, socket.path().toString(),
                    Worker.PROTOCOL_VARIABLE, Integer.toString(WorkerPayloads.PROTOCOL)),
                    Worker.SOCKET_VARIABLE + "=" + socket.path());
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        Worker worker = new Worker(settings, socket, child, new WorkerOutput(child, settings.log(), requestId));
        try {
            child.process().onExit().thenRunAsync(worker::exited, Threads.PUMPS);
            ReadyHandshake.await(worker, readyByMillis);
        } catch (RuntimeException e) {
            worker.killAndWait(); // gone before init is reported failed: nothing is left behind
            throw e;
        }
        settings.log().note(worker.failures.readyNote(child.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
        return worker;
    }
}
