package dev.lambdabridge.bridge.process;

/**
 * The {@code errorType}s of the process bridge's own failures ({@link dev.lambdabridge.runtime.errors.GuestError}
 * carries them): {@code Process.*} for {@code exec:} runs, {@code Worker.*} for workers.
 */
final class ProcessErrorTypes {
    /** The program was not found or could not be started. */
    static final String NOT_FOUND = "Process.NotFound";
    /** The program exited with a non-zero status. */
    static final String EXIT_ERROR = "Process.ExitError";
    /** The program ran until the deadline (minus the safety margin) and was killed. */
    static final String TIMEOUT = "Process.Timeout";
    /** stdout went over Lambda's response limit. */
    static final String RESPONSE_TOO_LARGE = "Process.ResponseTooLarge";
    /** stdout is not valid UTF-8. */
    static final String INVALID_OUTPUT = "Process.InvalidOutput";
    /** The event cannot be passed as an argument ({@code {event}}): too large for one argument, or not UTF-8. */
    static final String INVALID_EVENT = "Process.InvalidEvent";
    /** The worker broke the framing rules of docs/worker-protocol.md. */
    static final String WORKER_PROTOCOL = "Worker.ProtocolError";
    /** The worker did not answer (or become ready) before the deadline and was killed. */
    static final String WORKER_TIMEOUT = "Worker.Timeout";
    /** The worker exited while it served the invocation (or before it was ready). */
    static final String WORKER_EXITED = "Worker.Exited";
    /** The worker's RESULT frame is over Lambda's response limit. */
    static final String WORKER_RESPONSE_TOO_LARGE = "Worker.ResponseTooLarge";
    /** The type used when a worker's ERROR frame names none. */
    static final String WORKER_HANDLER_ERROR = "Worker.HandlerError";

    private ProcessErrorTypes() {
    }
}
