package dev.lambdabridge.runtime.errors;

/**
 * A problem with the function's code or configuration rather than with one event: the handler class is missing,
 * its method has no usable signature, its constructor threw. Reported with the error type
 * {@code Runtime.BadFunctionCode} and, as AWS's Java runtime does, without a stack trace in the error body.
 *
 * @param errorType the {@code errorType} of the body, e.g. {@code java.lang.ClassNotFoundException}; may be null
 */
public final class HandlerFault extends RuntimeException {
    private final String errorType;

    public HandlerFault(String message, String errorType, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public HandlerFault(String message) {
        this(message, null, null);
    }

    /** A fault that carries {@code cause}'s class name and message, as AWS's runtime client reports it. */
    public static HandlerFault of(Throwable cause) {
        String message = cause.getLocalizedMessage() == null ? cause.getClass().getName() : cause.getLocalizedMessage();
        return new HandlerFault(message, cause.getClass().getName(), cause);
    }

    public String errorType() {
        return errorType;
    }
}
