package dev.lambdabridge.runtime.errors;

import java.util.List;

/**
 * A failed invocation of a handler written in another language than Java, run by a bridge: a program of the
 * process bridge ({@code exec:}, {@code worker:}) or a guest of the polyglot bridge ({@code js:}, {@code ruby:}).
 * It carries the {@code errorType} the author sees ({@code Process.ExitError}, {@code Worker.Timeout},
 * {@code Polyglot.Timeout}, or the type the handler's own language reported) and that language's stack lines:
 * under {@code stackTrace} (AWS's Java, Python and Ruby runtimes' key), or {@code trace} for a JavaScript error
 * (AWS's Node.js runtime's key). It has no Java stack trace: the frames would be the bridge's, which tell a PHP,
 * Ruby, Go or JavaScript author nothing; the message says what happened.
 */
public final class GuestError extends RuntimeException implements TypedError {
    private final String errorType;
    private final List<String> stackTrace;
    private final String stackTraceKey;

    public GuestError(String errorType, String message) {
        this(errorType, message, List.of());
    }

    /** An error with its stack lines under {@code stackTrace}. */
    public GuestError(String errorType, String message, List<String> stackTrace) {
        this(errorType, message, stackTrace, "stackTrace");
    }

    /** An error with its stack lines under {@code stackTraceKey} ({@code stackTrace} or {@code trace}). */
    public GuestError(String errorType, String message, List<String> stackTrace, String stackTraceKey) {
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

    @Override
    public String toString() {
        return errorType + ": " + getMessage();
    }
}
