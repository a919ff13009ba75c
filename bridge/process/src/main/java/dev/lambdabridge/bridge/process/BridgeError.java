package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.TypedError;

import java.util.List;

/**
 * A failed invocation of an {@code exec:} or {@code worker:} handler, with the {@code errorType} the author sees
 * ({@code Process.ExitError}, {@code Worker.Timeout}, ... or the type a worker's handler reported). It has no
 * Java stack trace: the frames would be the bridge's, which tell a PHP, Ruby or Go author nothing; the message
 * says what happened (exit status, the last lines of stderr). A worker's own stack trace lines are kept, under
 * the key its ERROR frame used: {@code stackTrace}, or {@code trace} (the Node.js shim, as AWS's Node.js runtime).
 */
public final class BridgeError extends RuntimeException implements TypedError {
    /** The program was not found or could not be started. */
    public static final String NOT_FOUND = "Process.NotFound";
    /** The program exited with a non-zero status. */
    public static final String EXIT_ERROR = "Process.ExitError";
    /** The program ran until the deadline (minus the safety margin) and was killed. */
    public static final String TIMEOUT = "Process.Timeout";
    /** stdout went over Lambda's response limit. */
    public static final String RESPONSE_TOO_LARGE = "Process.ResponseTooLarge";
    /** stdout is not valid UTF-8. */
    public static final String INVALID_OUTPUT = "Process.InvalidOutput";
    /** The event cannot be passed as an argument ({@code {event}}): too large for one argument, or not UTF-8. */
    public static final String INVALID_EVENT = "Process.InvalidEvent";
    /** The worker broke the framing rules of docs/worker-protocol.md. */
    public static final String WORKER_PROTOCOL = "Worker.ProtocolError";
    /** The worker did not answer (or become ready) before the deadline and was killed. */
    public static final String WORKER_TIMEOUT = "Worker.Timeout";
    /** The worker exited while it served the invocation (or before it was ready). */
    public static final String WORKER_EXITED = "Worker.Exited";
    /** The worker's RESULT frame is over Lambda's response limit. */
    public static final String WORKER_RESPONSE_TOO_LARGE = "Worker.ResponseTooLarge";
    /** The type used when a worker's ERROR frame names none. */
    public static final String WORKER_HANDLER_ERROR = "Worker.HandlerError";

    private final String errorType;
    private final List<String> stackTrace;
    private final String stackTraceKey;

    public BridgeError(String errorType, String message) {
        this(errorType, message, List.of());
    }

    public BridgeError(String errorType, String message, List<String> stackTrace) {
        this(errorType, message, stackTrace, "stackTrace");
    }

    /** A worker's error with its stack lines under {@code stackTraceKey} ({@code stackTrace} or {@code trace}). */
    public BridgeError(String errorType, String message, List<String> stackTrace, String stackTraceKey) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
        this.stackTraceKey = stackTraceKey;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public List<String> errorStackTrace() {
        return stackTrace;
    }

    @Override
    public String stackTraceKey() {
        return stackTraceKey;
    }

    @Override
    public String toString() {
        return errorType + ": " + getMessage();
    }
}
