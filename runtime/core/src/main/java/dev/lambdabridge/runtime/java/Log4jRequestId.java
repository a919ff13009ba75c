package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.LambdaRuntimeInternal;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Puts the request id into Log4j's context map as {@code AWSRequestId} before each invocation, as AWS's runtime
 * interface client does, so that a pattern with {@code %X{AWSRequestId}} (AWS's documented one for
 * aws-lambda-java-log4j2's {@code LambdaAppender}) and the JSON layout's MDC fields have it. Like the client, only
 * once the appender has said it is in use ({@code LambdaRuntimeInternal.setUseLog4jAppender(true)}, which its
 * constructor calls), and into whichever of Log4j 1's {@code MDC} and Log4j 2's {@code ThreadContext} the
 * function has; the classes are the function's own, found through its class loader. A function without the
 * appender pays one static boolean read per invocation.
 */
final class Log4jRequestId implements InvocationHandler {
    static final String KEY = "AWSRequestId";

    private final InvocationHandler handler;
    private final ClassLoader taskClassLoader;
    /** MDC.put and ThreadContext.put, (String, String) each, the ones the function has; looked up once. */
    private volatile MethodHandle[] puts;

    Log4jRequestId(InvocationHandler handler, ClassLoader taskClassLoader) {
        this.handler = handler;
        this.taskClassLoader = taskClassLoader;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        if (LambdaRuntimeInternal.getUseLog4jAppender()) {
            putRequestId(invocation.requestId());
        }
        handler.handle(invocation, context, response);
    }

    private void putRequestId(String requestId) {
        MethodHandle[] found = puts;
        if (found == null) {
            found = new MethodHandle[] {
                    find("org.apache.log4j.MDC", Object.class),
                    find("org.apache.logging.log4j.ThreadContext", String.class)};
            if (found[0] == null && found[1] == null) {
                // the client's message, word for word
                System.err.println("Customer using log4j appender but unable to load either org.apache.log4j.MDC or "
                        + "org.apache.logging.log4j.ThreadContext. Customer cannot see RequestId in log4j log lines.");
            }
            puts = found;
        }
        for (MethodHandle put : found) {
            if (put != null) {
                try {
                    put.invoke(KEY, requestId);
                } catch (Throwable e) {
                    // the client ignores a failing put as well: the invocation goes on without the id
                }
            }
        }
    }

    /** The static {@code put(String, valueType)} of {@code className}, as (String, String), or null. */
    private MethodHandle find(String className, Class<?> valueType) {
        try {
            Class<?> type = Class.forName(className, true, taskClassLoader);
            return MethodHandles.publicLookup()
                    .findStatic(type, "put", MethodType.methodType(void.class, String.class, valueType))
                    .asType(MethodType.methodType(void.class, String.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    @Override
    public boolean isThreadSafe() {
        return handler.isThreadSafe();
    }

    @Override
    public boolean streamsResponse() {
        return handler.streamsResponse();
    }

    @Override
    public void close() {
        handler.close();
    }
}
