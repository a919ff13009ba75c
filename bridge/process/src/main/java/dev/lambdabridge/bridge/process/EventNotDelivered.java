package dev.lambdabridge.bridge.process;

import java.io.IOException;

/**
 * The INVOKE could not be written (the worker was gone), or the worker ended with it unread (the connection was
 * reset): no handler saw the event, so it is safe to give it to a new worker.
 */
final class EventNotDelivered extends Exception {
    EventNotDelivered(IOException cause) {
        super(cause.toString(), cause, false, false);
    }
}
