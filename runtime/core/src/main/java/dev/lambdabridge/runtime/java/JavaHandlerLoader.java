package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdabridge.api.NotThreadSafe;
import dev.lambdabridge.api.StreamingHandler;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.handler.InvocationHandler;

/**
 * Init for a Java handler: loads the class named by {@code _HANDLER} from the task root, creates the instance and
 * picks how events reach it. Every failure is a {@link HandlerFault} whose message and error type are the ones
 * AWS's Java runtime reports for the same mistake (it reports most of them on the first invoke; this runtime
 * reports them during init, to {@code /runtime/init/error}, as the Runtime API documents).
 */
public final class JavaHandlerLoader {

    private JavaHandlerLoader() {
    }

    public static InvocationHandler load(String handler, RuntimeEnvironment environment) {
        HandlerName name = HandlerName.parse(handler);
        TaskClassLoader loader = TaskClassLoader.forTaskRoot(environment.taskRoot());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> type = loadClass(name.className(), loader);
        InvocationHandler invoker;
        if (StreamingHandler.class.isAssignableFrom(type)
                && (name.method() == null || "handleRequest".equals(name.method()))) {
            invoker = new StreamingInvocationHandler((StreamingHandler) Instances.create(type));
        } else if (name.method() == null) {
            invoker = forClass(type, loader);
        } else {
            invoker = MethodHandlers.forMethod(type, name.method(), loader);
        }
        // the annotation only matters with several loops; reading it parses the class's annotations, so a
        // function without AWS_LAMBDA_MAX_CONCURRENCY does not pay for it at its cold start
        boolean singleThreaded = environment.maxConcurrency() > 1 && type.isAnnotationPresent(NotThreadSafe.class);
        invoker = new Log4jRequestId(invoker, loader);
        return singleThreaded ? new SingleThreaded(invoker) : invoker;
    }

    private static Class<?> loadClass(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerFault("Class not found: " + className, e.getClass().getName(), e);
        } catch (Throwable e) {
            // NoClassDefFoundError, ExceptionInInitializerError: the class is there but cannot be initialised
            throw new HandlerFault("Error loading class " + className
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e.getClass().getName(), e);
        }
    }

    private static InvocationHandler forClass(Class<?> type, ClassLoader loader) {
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            RequestStreamHandler instance = (RequestStreamHandler) Instances.create(type);
            return new RequestStreamInvocationHandler(new RequestStreamInvocationHandler.Interface(instance));
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            return PojoInvocationHandler.forRequestHandler(type, loader);
        }
        throw new HandlerFault("Class does not implement an appropriate handler interface: " + type.getName());
    }
}
