package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdabridge.api.NotThreadSafe;
import dev.lambdabridge.api.StreamingHandler;

import java.util.List;

/**
 * The classes of every Java handler shape, for an AOT cache training run: the cache holds the classes the training
 * loaded, and the training runs one handler (a POJO method), so without this a stream handler's classes
 * ({@code RequestStreamHandler}, {@code RequestStreamInvocationHandler}, {@code StreamMethodCall}) came from the
 * jars at each cold start, and the first of them had the application class loader open the jars before
 * runtime-core.jar on the class path, aws-lambda-java-serialization's 3.7 MB among them.
 */
public final class TrainingClasses {
    private TrainingClasses() {
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
