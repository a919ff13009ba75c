package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;

/**
 * A stream method ({@code pkg.Class::method} taking some of InputStream, OutputStream, Context, in that order),
 * called with {@link Method#invoke} as the managed runtime calls it. A class rather than a lambda per shape: a
 * lambda the AOT cache did not see in its training run is spun at the cold start, a few milliseconds each.
 */
final class StreamMethodCall implements RequestStreamInvocationHandler.StreamFunction {
    static final int IN = 1;
    static final int OUT = 2;
    static final int CONTEXT = 4;

    private final Method method;
    private final Object instance;
    /** which of IN, OUT and CONTEXT the method takes */
    private final int arguments;

    /** {@code instance} null for a static method. */
    StreamMethodCall(Method method, Object instance, int arguments) {
        this.method = method;
        this.instance = instance;
        this.arguments = arguments;
    }

    @Override
    public void handle(InputStream input, OutputStream output, Context context) throws Exception {
        Object[] values = new Object[Integer.bitCount(arguments)];
        int i = 0;
        if ((arguments & IN) != 0) {
            values[i++] = input;
        }
        if ((arguments & OUT) != 0) {
            values[i++] = output;
        }
        if ((arguments & CONTEXT) != 0) {
            values[i] = context;
        }
        MethodHandlers.call(method, instance, values);
    }
}
