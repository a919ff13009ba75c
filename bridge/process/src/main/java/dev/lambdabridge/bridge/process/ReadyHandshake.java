package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.DeadlineWatchdog;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;

/**
 * The start of a worker's conversation (docs/worker-protocol.md): it connects to its socket and sends READY, or
 * ERROR (its init failed: the error is its own), or exits, or stays silent until the deadline. Every outcome but
 * READY kills it and throws the error that says which it was.
 */
final class ReadyHandshake {
    private final Worker worker;
    private final WorkerFailures failures;

    private ReadyHandshake(Worker worker) {
        this.worker = worker;
        this.failures = worker.failures;
    }

    /** Waits until {@code readyByMillis} for the worker's connection and READY; leaves it {@link Worker#connected}. */
    static void await(Worker worker, long readyByMillis) {
        new ReadyHandshake(worker).run(readyByMillis);
    }

    private void run(long readyByMillis) {
        try {
            SocketChannel channel;
            try {
                channel = worker.socket().accept(worker.process(), readyByMillis);
            } catch (TimeoutException e) {
                worker.kill();
                throw failures.didNotConnect(readyByMillis);
            }
            if (channel == null) {
                throw exitedBeforeReady("without connecting to " + Worker.SOCKET_VARIABLE + " (is it written with a "
                        + "lambda-bridge shim? see docs/worker-protocol.md)");
            }
            worker.connected(new WorkerConnection(channel));
            awaitReady(readyByMillis);
        } catch (IOException e) {
            throw startFailure(e);
        }
    }

    private void awaitReady(long readyByMillis) throws IOException {
        WorkerConnection connection = worker.connection();
        DeadlineWatchdog.Armed timer = worker.killAt(readyByMillis);
        try {
            Frames.Header header = connection.readHeader();
            if (header == null) {
                throw exitedBeforeReady("before it sent READY");
            }
            switch (header.type()) {
                case Frames.READY -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    WorkerPayloads.checkReady(connection.readPayload(header));
                }
                case Frames.ERROR -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    GuestError error = WorkerPayloads.handlerError(connection.readPayload(header));
                    worker.kill();
                    throw error;
                }
                default -> throw new ProtocolException(WorkerPayloads.unexpected(header, "READY or ERROR"));
            }
        } catch (ProtocolException e) {
            worker.kill();
            throw failures.brokeProtocolBeforeReady(e);
        } finally {
            timer.disarm();
        }
        if (worker.timedOut()) {
            throw startFailure(new IOException("timed out"));
        }
    }

    /** The failure of a start that ended with an I/O error or end of stream: timeout or exit. */
    private GuestError startFailure(IOException cause) {
        if (worker.timedOut()) {
            return failures.noReadyInTime();
        }
        return exitedBeforeReady("before it sent READY (" + cause.getMessage() + ")");
    }

    private GuestError exitedBeforeReady(String when) {
        if (worker.timedOut()) { // the timer killed it: its end of the connection closed because of that
            return startFailure(new IOException("timed out"));
        }
        Integer status = worker.awaitExit();
        worker.kill();
        if (status == null) {
            return failures.closedBeforeReady(when);
        }
        return failures.exitedBeforeReady(status, when);
    }
}
