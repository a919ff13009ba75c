package dev.lambdabridge.emulator;

/**
 * An invocation refused before any runtime saw it, as the Invoke API answers it: an HTTP status, the
 * {@code x-amzn-ErrorType} and a message.
 */
public final class InvokeApiException extends RuntimeException {
    private final int statusCode;
    private final String errorType;

    public InvokeApiException(int statusCode, String errorType, String message) {
        super(message);
        this.statusCode = statusCode;
        this.errorType = errorType;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The {@code x-amzn-ErrorType}, e.g. {@code InvalidRequestContentException}. */
    public String errorType() {
        return errorType;
    }

    /** The JSON body Lambda sends with it. */
    byte[] body() {
        return statusCode >= 500 ? ErrorBodies.service(getMessage()) : ErrorBodies.user(getMessage());
    }
}
