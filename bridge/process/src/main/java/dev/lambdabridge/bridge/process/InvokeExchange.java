package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.DeadlineWatchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;

/**
 * One invocation served by a ready worker (docs/worker-protocol.md): INVOKE, then RESULT (copied to the response)
 * or ERROR (the worker's own error, thrown; the worker stays usable). Whatever else happens (the deadline, an exit,
 * a closed connection, a protocol error, an oversized RESULT) kills the worker and throws the error that says which
 * it was; an event the worker never got throws {@link EventNotDelivered}, so that a new worker can have it.
 */
final class InvokeExchange {
    private final Worker worker;
    private final WorkerFailures failures;
    private final long killAtMillis;

    private InvokeExchange(Worker worker, long killAtMillis) {
        this.worker = worker;
        this.failures = worker.failures;
        this.killAtMillis = killAtMillis;
    }

    /** See {@link Worker#invoke}. */
    static void serve(Worker worker, Invocation invocation, OutputStream response, long killAtMillis)
            throws EventNotDelivered, IOException {
        new InvokeExchange(worker, killAtMillis).run(invocation, response);
    }

    private void run(Invocation invocation, OutputStream response) throws EventNotDelivered, IOException {
        WorkerConnection connection = worker.connection();
        DeadlineWatchdog.Armed timer = worker.killAt(killAtMillis);
        try {
            try {
                connection.write(Frames.INVOKE, WorkerPayloads.invokePrefix(invocation, worker.settings.lambda()),
                        WorkerPayloads.event(invocation), WorkerPayloads.INVOKE_SUFFIX);
            } catch (IOException e) {
                if (worker.timedOut()) {
                    throw timeout();
                }
                worker.kill();
                throw new EventNotDelivered(e);
            }
            Frames.Header header;
            try {
                header = connection.readHeader();
            } catch (SocketException reset) {
                if (worker.timedOut() || reset.getMessage() == null || !reset.getMessage().contains("reset")) {
                    throw reset;
                }
                // Linux resets a Unix socket's peer only when the closing end discards unread data: the worker
                // ended (e.g. exiting after a fatal error it had just answered) with this INVOKE unread, so no
                // handler saw the event, and a new worker may have it
                worker.awaitExit();
                worker.kill();
                throw new EventNotDelivered(reset);
            }
            if (header == null) {
                throw connectionEnded(new IOException("end of stream"));
            }
            // what the handler printed before it answered is in the worker's pipes: into this invocation's log
            worker.output().catchUp();
            switch (header.type()) {
                case Frames.RESULT -> {
                    if (header.length() > Frames.MAX_REPLY_BYTES) {
                        worker.kill(); // the rest of the frame is unread: this connection cannot be used again
                        throw failures.resultTooLarge(header.length());
                    }
                    connection.copyPayload(header, response);
                }
                case Frames.ERROR -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    throw WorkerPayloads.handlerError(connection.readPayload(header));
                }
                default -> throw new ProtocolException(WorkerPayloads.unexpected(header, "RESULT or ERROR"));
            }
        } catch (ProtocolException e) {
            if (worker.timedOut()) {
                throw timeout();
            }
            worker.kill();
            throw failures.brokeProtocol(e);
        } catch (IOException e) {
            throw connectionEnded(e);
        } finally {
            timer.disarm();
        }
    }

    /** The connection ended or failed while waiting for the answer: a timeout, an exit, or a broken worker. */
    private GuestError connectionEnded(IOException cause) {
        if (worker.timedOut()) {
            return timeout();
        }
        Integer status = worker.awaitExit();
        worker.kill();
        if (status != null) {
            return failures.exitedWhileServing(status);
        }
        return failures.closedWithoutAnswer(cause);
    }

    private GuestError timeout() {
        worker.output().awaitEnd();
        return failures.timedOut(killAtMillis);
    }
}
