package dev.lambdabridge.runtime.serialization;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The aws-lambda-java-events classes AWS registers (S3Event, SQSEvent, SNSEvent, DynamodbEvent, ...) go through
 * AWS's own aws-lambda-java-serialization library, exactly as the managed runtime calls it: with the task class
 * loader, which the library uses to find the event's nested classes and Joda's DateTime in the function's jars.
 * Only this class refers to that library, so it is loaded only for such a type.
 */
final class AwsEventSerializers {
    /**
     * The Jackson module id of AWS's DateTimeModule (a JodaModule subclass), registered together with its DateModule
     * (whose id is the less telling "jackson-core"); nothing else registers a Joda module on AWS's shared mapper.
     */
    private static final String AWS_DATE_MODULES_ID = "jackson-datatype-joda";

    private AwsEventSerializers() {
    }

    static boolean isSupported(Class<?> clazz) {
        return LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName());
    }

    static PojoSerializer<Object> serializerFor(Class<?> eventClass, ClassLoader taskClassLoader) {
        @SuppressWarnings("unchecked")
        var aws = (com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object>)
                LambdaEventSerializers.serializerFor(eventClass, taskClassLoader);
        if (JacksonFactory.getInstance().getMapper().getRegisteredModuleIds().contains(AWS_DATE_MODULES_ID)) {
            // AWS's library has just registered its date modules on the managed runtime's shared mapper (it does
            // so for event classes without mixins); POJO serializers made from now on see them
            AwsDateQuirk.registeredBy(taskClassLoader);
        }
        return new Adapter(aws, eventClass);
    }

    private record Adapter(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> aws,
                           Class<?> eventClass) implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream json) {
            return aws.fromJson(json);
        }

        @Override
        public void toJson(Object value, OutputStream out) {
            aws.toJson(value, out);
        }

        @Override
        public String toString() {
            return "AWS aws-lambda-java-serialization serializer for " + eventClass.getName();
        }
    }
}
