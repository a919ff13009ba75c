package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.errors.TypedError;

import java.util.List;

/**
 * An error the guest reported, with the type, message and stack lines its own runtime would send: Node.js's
 * {@code error.name} / {@code error.message} / {@code error.stack}, the Ruby runtime's {@code Function<Class>} and
 * backtrace. The Java stack trace is not filled in: it would only show the bridge's frames.
 */
public final class GuestError extends RuntimeException implements TypedError {
    private final String errorType;
    private final List<String> stackTrace;

    public GuestError(String errorType, String message, List<String> stackTrace) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public List<String> errorStackTrace() {
        return stackTrace;
    }
}
