package dev.lambdabridge.runtime.serialization;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

/** What the managed runtime itself does with a type, in-process: AWS's EventHandlerLoader.getSerializer choice. */
final class AwsReference {
    private AwsReference() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> serializer(Type type) {
        if (type instanceof Class clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            return LambdaEventSerializers.serializerFor(clazz, AwsReference.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The bytes of event -> object -> JSON, or the failure; ours and AWS's side by side. */
    record Outcome(String json, Throwable failure) {
    }

    static Outcome roundTrip(PojoSerializer<Object> serializer, byte[] json) {
        try {
            Object value = serializer.fromJson(new ByteArrayInputStream(json));
            return new Outcome(write(serializer, value), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    static Outcome roundTripAws(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> aws,
                                byte[] json) {
        try {
            Object value = aws.fromJson(new ByteArrayInputStream(json));
            var out = new ByteArrayOutputStream();
            aws.toJson(value, out);
            return new Outcome(out.toString(java.nio.charset.StandardCharsets.UTF_8), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    static String write(PojoSerializer<Object> serializer, Object value) {
        var out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String writeAws(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> aws,
                           Object value) {
        var out = new ByteArrayOutputStream();
        aws.toJson(value, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
