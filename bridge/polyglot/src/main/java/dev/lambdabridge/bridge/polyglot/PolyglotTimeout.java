package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.errors.TypedError;

import java.util.List;

/**
 * The handler ran until shortly before the invocation's deadline and was stopped: its context was cancelled
 * (Lambda itself would have killed the process at the deadline, with {@code Sandbox.Timedout}); a fresh context
 * serves the next invocation. Error type {@value #ERROR_TYPE}.
 */
public final class PolyglotTimeout extends RuntimeException implements TypedError {
    public static final String ERROR_TYPE = "Polyglot.Timeout";

    public PolyglotTimeout(String message) {
        super(message, null, false, false);
    }

    @Override
    public String errorType() {
        return ERROR_TYPE;
    }

    @Override
    public List<String> errorStackTrace() {
        return List.of();
    }
}
