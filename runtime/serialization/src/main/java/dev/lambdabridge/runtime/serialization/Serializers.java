package dev.lambdabridge.runtime.serialization;

import java.lang.reflect.Type;

/**
 * Chooses the serializer for a handler's input or output type the way the managed Java runtime does
 * (AWS's {@code EventHandlerLoader.getSerializer}), in this order:
 * <ol>
 *   <li>a {@code CustomPojoSerializer} the function provides through {@code META-INF/services}, for every type;</li>
 *   <li>a class AWS's {@code LambdaEventSerializers} supports (S3Event, SQSEvent, ...): AWS's own library,
 *       given the task class loader;</li>
 *   <li>anything else (POJOs, String, boxed and primitive types, Map/List, Optional, java.time, the
 *       aws-lambda-java-events classes AWS does not register): our Jackson mapper configured like AWS's
 *       {@code JacksonFactory}.</li>
 * </ol>
 *
 * <p>This class touches neither Jackson nor AWS's library: both are loaded on the first {@code forType} call that
 * needs them, so stream handlers never pay for them and POJO handlers never load AWS's library.
 */
public final class Serializers {

    /** The message of the exception the managed runtime throws when the event is not valid for the input type. */
    public static final String PARSE_ERROR_MESSAGE = "An error occurred during JSON parsing";
    /** The message of the exception the managed runtime throws when the result cannot be written. */
    public static final String SERIALIZATION_ERROR_MESSAGE = "An error occurred during JSON serialization of response";

    private Serializers() {
    }

    /**
     * The serializer for one handler type (a parameter type or a generic return type).
     *
     * @param type            the type as declared by the handler, e.g. {@code SQSEvent.class} or {@code Map<String, Object>}
     * @param taskClassLoader the loader of the function's code; AWS's library resolves event and Joda classes
     *                        through it, and a {@code CustomPojoSerializer} is looked up in it
     * @throws RuntimeException when the serializer cannot be made (e.g. more than one CustomPojoSerializer);
     *                          the managed runtime reports this as an init failure of the handler
     */
    public static PojoSerializer<Object> forType(Type type, ClassLoader taskClassLoader) {
        PojoSerializer<Object> custom = CustomSerializers.find(type, taskClassLoader);
        if (custom != null) {
            return new ManagedRuntimeErrors(custom);
        }
        if (type instanceof Class<?> clazz && mayBeAwsEvent(clazz) && AwsEventSerializers.isSupported(clazz)) {
            return new ManagedRuntimeErrors(AwsEventSerializers.serializerFor(clazz, taskClassLoader));
        }
        return new ManagedRuntimeErrors(JacksonPojoSerializer.forType(type));
    }

    /**
     * The serializer for a handler's result type. Like {@link #forType}, except that for {@code void} and
     * {@code Void} the managed runtime never asks any serializer (not even a CustomPojoSerializer): it writes
     * {@code null}, and so does the serializer returned here, without loading Jackson.
     */
    public static PojoSerializer<Object> forResultType(Type type, ClassLoader taskClassLoader) {
        if (type == void.class || type == Void.class) {
            return VoidResult.INSTANCE;
        }
        return forType(type, taskClassLoader);
    }

    /**
     * Every class AWS's LambdaEventSerializers supports lives under this package prefix. Checking the name first
     * keeps AWS's library (about 2,400 classes in its jar) unloaded for ordinary POJO handlers; the library
     * itself then decides.
     */
    private static boolean mayBeAwsEvent(Class<?> clazz) {
        return clazz.getName().startsWith("com.amazonaws.services.");
    }
}
