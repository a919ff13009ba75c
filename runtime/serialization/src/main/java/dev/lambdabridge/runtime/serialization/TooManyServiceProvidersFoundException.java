package dev.lambdabridge.runtime.serialization;

/**
 * More than one CustomPojoSerializer is registered by the function. The managed runtime fails the handler's init
 * with the same message (its exception class is
 * {@code com.amazonaws.services.lambda.runtime.api.client.TooManyServiceProvidersFoundException}).
 */
public final class TooManyServiceProvidersFoundException extends RuntimeException {
    public TooManyServiceProvidersFoundException(String message) {
        super(message);
    }
}
