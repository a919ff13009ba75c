package dev.lambdabridge.apigateway;

/** A function result that is not a proxy integration response; API Gateway answers it with a 502. */
public final class MalformedProxyResponseException extends RuntimeException {
    public MalformedProxyResponseException(String message) {
        super(message, null, false, false);
    }
}
