package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.Context;

import java.lang.reflect.Method;

/**
 * An object method ({@code pkg.Class::method} taking (T, Context), (T), (Context) or nothing), called with
 * {@link Method#invoke} as the managed runtime calls it. A class rather than a lambda per shape, for the reason
 * {@link StreamMethodCall} gives.
 */
final class PojoMethodCall implements PojoInvocationHandler.PojoFunction {
    private final Method method;
    private final Object instance;
    private final boolean withInput;
    private final boolean withContext;

    /** {@code instance} null for a static method. */
    PojoMethodCall(Method method, Object instance, boolean withInput, boolean withContext) {
        this.method = method;
        this.instance = instance;
        this.withInput = withInput;
        this.withContext = withContext;
    }

    @Override
    public Object apply(Object input, Context context) throws Exception {
        if (withInput) {
            return withContext ? MethodHandlers.call(method, instance, input, context)
                    : MethodHandlers.call(method, instance, input);
        }
        return withContext ? MethodHandlers.call(method, instance, context) : MethodHandlers.call(method, instance);
    }
}
