package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdabridge.api.NotThreadSafe;
import dev.lambdabridge.api.StreamingHandler;
import dev.lambdabridge.runtime.serialization.PojoSerializer;
import dev.lambdabridge.runtime.serialization.Serializers;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The classes of every Java handler shape, for an AOT cache training run: the cache holds the classes the training
 * loaded, and the training runs one handler (a POJO method), so without this a stream handler's classes
 * ({@code RequestStreamHandler}, {@code RequestStreamInvocationHandler}, {@code StreamMethodCall}) came from the
 * jars at each cold start, and the first of them had the application class loader open the jars before
 * runtime-core.jar on the class path, aws-lambda-java-serialization's 3.7 MB among them.
 */
public final class TrainingClasses {
    /**
     * aws-lambda-java-events types that {@link #serializeEvents} puts through the runtime's serializers: API
     * Gateway's, function URLs' (v2 HTTP), SQS, SNS, S3, DynamoDB and EventBridge events.
     */
    static final List<String> EVENT_TYPES = List.of(
            "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
            "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent",
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse",
            "com.amazonaws.services.lambda.runtime.events.SQSEvent",
            "com.amazonaws.services.lambda.runtime.events.SNSEvent",
            "com.amazonaws.services.lambda.runtime.events.S3Event",
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
            "com.amazonaws.services.lambda.runtime.events.ScheduledEvent");

    private TrainingClasses() {
    }

    /**
     * For the training run of java-runtime's {@code lib/runtime-events.aot} (the bootstrap's cache for a function
     * that carries aws-lambda-java-events): reads and writes an empty event of each of {@link #EVENT_TYPES} that the function's class
     * loader can load, with the serializers a handler of that type gets, which are AWS's aws-lambda-java-serialization
     * and its shaded Jackson, as on the managed runtime. So the cache holds that library's classes (about 650 for
     * one event type): a handler taking an event type, and the frameworks' adapters, which use the library
     * themselves (Spring Cloud Function's, Micronaut's), loaded 790-820 classes of it from its 3.7 MB jar at each
     * cold start, where AWS's client, whose cache holds them because it serializes POJOs with that library, loaded
     * none. Not in the cache of every function: the JVM loads each class of its cache at start, and these ~1,000
     * more cost a hello POJO ~15 ms. A type that is not there, or that fails, is left out: the cache then lacks its
     * classes, nothing else.
     *
     * @return how many types went through
     */
    public static int serializeEvents(ClassLoader functionLoader) {
        int done = 0;
        for (String name : EVENT_TYPES) {
            try {
                Class<?> type = Class.forName(name, false, functionLoader);
                PojoSerializer<Object> input = Serializers.forType(type, functionLoader);
                Object event = input.fromJson(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
                Serializers.forResultType(type, functionLoader).toJson(event, OutputStream.nullOutputStream());
                done++;
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // not in the function's code, or not serializable here: not in the cache
            }
        }
        return done;
    }

    /** Loads (without initializing) the wrapper classes of every handler shape and the interfaces they test for. */
    public static List<Class<?>> load() {
        return List.of(RequestStreamHandler.class, RequestHandler.class, StreamingHandler.class, NotThreadSafe.class,
                RequestStreamInvocationHandler.class, RequestStreamInvocationHandler.Interface.class,
                RequestStreamInvocationHandler.StreamFunction.class, StreamMethodCall.class,
                PojoInvocationHandler.class, PojoInvocationHandler.Interface.class,
                PojoInvocationHandler.PojoFunction.class, PojoMethodCall.class, StreamingInvocationHandler.class,
                SingleThreaded.class, Log4jRequestId.class, HandlerTypes.class, MethodHandlers.class, Instances.class);
    }
}
