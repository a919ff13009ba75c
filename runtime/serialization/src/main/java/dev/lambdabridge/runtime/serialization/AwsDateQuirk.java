package dev.lambdabridge.runtime.serialization;

/**
 * A side effect of the managed runtime we keep. When AWS's library makes the serializer of an event class that has
 * no mixin (APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent, CognitoEvent, ConfigEvent, IoTButtonEvent,
 * KinesisFirehoseEvent, LambdaDestinationEvent, LexEvent), it registers its date modules on the shared mapper that
 * the managed runtime also uses for POJOs. POJO serializers made after that (in a handler, the result type is set
 * up after the input type) write {@code java.util.Date} as seconds since the epoch ({@code 1.4285376E9}) instead of
 * milliseconds, and Joda {@code DateTime} as an ISO-8601 string. Ours do the same.
 */
final class AwsDateQuirk {
    private static volatile ClassLoader registeredWith;

    private AwsDateQuirk() {
    }

    static void registeredBy(ClassLoader taskClassLoader) {
        if (registeredWith == null) {
            registeredWith = taskClassLoader;
        }
    }

    /** @return the task class loader AWS's date modules were registered with, or null when they were not */
    static ClassLoader registeredWith() {
        return registeredWith;
    }

    /** For tests: forget that AWS's library registered its date modules (AWS's own mapper stays as it is). */
    static void resetForTests() {
        registeredWith = null;
    }
}
