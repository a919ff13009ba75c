package dev.lambdabridge.runtime.api;

/**
 * The Runtime API answered with a status the runtime cannot continue from, or could not be reached.
 * {@link #status()} is the HTTP status, or 0 when there was no answer at all (connection refused or closed).
 */
public final class RuntimeApiException extends RuntimeException {
    private final int status;

    public RuntimeApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
