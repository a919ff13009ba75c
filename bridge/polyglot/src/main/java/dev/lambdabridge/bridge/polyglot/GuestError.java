package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.errors.TypedError;

import java.util.List;

/**
 * An error the guest reported, with the type, message and stack lines its own runtime would send: Node.js's
 * {@code error.name} / {@code error.message} / {@code error.stack} (under the body's key {@code trace}, as AWS's
 * Node.js runtime posts it), the Ruby runtime's {@code Function<Class>} and backtrace (under {@code stackTrace}).
 * The Java stack trace is not filled in: it would only show the bridge's frames.
 */
public final class GuestError extends RuntimeException implements TypedError {
    private final String errorType;
    private final List<String> stackTrace;
    private final String stackTraceKey;

    /** A Ruby error (or one of the bridge's own): the stack lines under {@code stackTrace}. */
    public GuestError(String errorType, String message, List<String> stackTrace) {
        this(errorType, message, stackTrace, "stackTrace");
    }

    private GuestError(String errorType, String message, List<String> stackTrace, String stackTraceKey) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
        this.stackTraceKey = stackTraceKey;
    }

    /** A JavaScript error: the stack lines under {@code trace}, as AWS's Node.js runtime reports them. */
    public static GuestError javascript(String errorType, String message, List<String> stackTrace) {
        return new GuestError(errorType, message, stackTrace, "trace");
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
}
