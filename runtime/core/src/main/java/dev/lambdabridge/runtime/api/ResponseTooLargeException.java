package dev.lambdabridge.runtime.api;

/**
 * The Runtime API refused a response with 413: it is over Lambda's 6 MB limit. Lambda has already recorded the
 * invocation as failed (Function.ResponseSizeTooLarge), so nothing more is posted for it.
 */
public final class ResponseTooLargeException extends RuntimeException {
    public ResponseTooLargeException(String requestId, int length, String apiMessage) {
        super("Response of " + length + " bytes for request " + requestId
                + " is over Lambda's 6 MB payload limit; Lambda reported it to the caller as "
                + "Function.ResponseSizeTooLarge (Runtime API said: " + apiMessage + ")");
    }
}
