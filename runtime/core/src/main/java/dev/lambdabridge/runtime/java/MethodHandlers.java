package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code pkg.Class::method}: picks the overload and wraps it, with the managed runtime's rules. Accepted shapes
 * (R is anything, void included; T is anything but InputStream, OutputStream and Context):
 * {@code (InputStream, OutputStream, Context)}, {@code (InputStream, OutputStream)}, {@code (InputStream, Context)},
 * {@code (OutputStream, Context)}, {@code (InputStream)}, {@code (OutputStream)}, {@code (T, Context)},
 * {@code (T)}, {@code (Context)}, {@code ()}. Among overloads, non-bridge methods win, then longer parameter lists,
 * a trailing Context counting as one more parameter. Static methods need no instance.
 *
 * <p>Methods are called with {@link Method#invoke}, as the managed runtime calls them, so that stack traces in
 * error reports are the same under both runtimes.
 */
final class MethodHandlers {
    private static final Comparator<Method> PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(MethodHandlers::weight).reversed());

    private MethodHandlers() {
    }

    static InvocationHandler forMethod(Class<?> type, String methodName, ClassLoader loader) {
        List<Method> candidates = candidates(type, methodName);
        for (Method method : candidates) {
            InvocationHandler handler = wrap(type, method, loader);
            if (handler != null) {
                return handler;
            }
        }
        if (candidates.isEmpty()) {
            throw new HandlerFault("No public method named " + methodName + " with appropriate method signature "
                    + "found on class " + type.getName());
        }
        throw new HandlerFault("No public method named " + methodName + " with appropriate method signature found on "
                + "class " + type.getName() + " (overloads seen: " + candidates + ")");
    }

    private static List<Method> candidates(Class<?> type, String methodName) {
        Method[] methods;
        try {
            methods = type.getMethods();
        } catch (NoClassDefFoundError e) {
            throw new HandlerFault("Error loading method " + methodName + " on class " + type.getName(),
                    e.getClass().getName(), e);
        }
        List<Method> named = new ArrayList<>();
        for (Method m : methods) {
            if (m.getName().equals(methodName)) {
                named.add(m);
            }
        }
        named.sort(PRIORITY);
        return named;
    }

    private static int weight(Method m) {
        Class<?>[] params = m.getParameterTypes();
        boolean endsWithContext = params.length > 0 && params[params.length - 1] == Context.class;
        return params.length + (endsWithContext ? 1 : 0);
    }

    /** The handler for one overload, or null when its signature is not one of the accepted shapes. */
    private static InvocationHandler wrap(Class<?> type, Method m, ClassLoader loader) {
        Class<?>[] p = m.getParameterTypes();
        Type[] generic = m.getGenericParameterTypes();
        Type result = m.getGenericReturnType();
        switch (p.length) {
            case 0:
                return pojo(type, m, null, false, result, loader);
            case 1:
                if (p[0] == InputStream.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {in});
                } else if (p[0] == OutputStream.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {out});
                } else if (p[0] == Context.class) {
                    return pojo(type, m, null, true, result, loader);
                }
                return pojo(type, m, generic[0], false, result, loader);
            case 2:
                if (p[0] == InputStream.class && p[1] == OutputStream.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {in, out});
                } else if (p[0] == InputStream.class && p[1] == Context.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {in, ctx});
                } else if (p[0] == OutputStream.class && p[1] == Context.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {out, ctx});
                } else if (p[0] != Context.class && p[0] != InputStream.class && p[0] != OutputStream.class
                        && p[1] == Context.class) {
                    return pojo(type, m, generic[0], true, result, loader);
                }
                return null;
            case 3:
                if (p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class) {
                    return stream(type, m, (in, out, ctx) -> new Object[] {in, out, ctx});
                }
                return null;
            default:
                return null;
        }
    }

    /** Maps the three stream-handler values to the method's arguments. */
    @FunctionalInterface
    private interface StreamArguments {
        Object[] select(InputStream in, OutputStream out, Context context);
    }

    private static InvocationHandler stream(Class<?> type, Method m, StreamArguments arguments) {
        Object instance = instanceFor(type, m);
        return new RequestStreamInvocationHandler((in, out, ctx) -> call(m, instance, arguments.select(in, out, ctx)));
    }

    private static InvocationHandler pojo(Class<?> type, Method m, Type input, boolean withContext, Type output,
                                          ClassLoader loader) {
        Object instance = instanceFor(type, m);
        PojoInvocationHandler.PojoFunction function;
        if (input == null) {
            function = withContext ? (in, ctx) -> call(m, instance, ctx) : (in, ctx) -> call(m, instance);
        } else {
            function = withContext ? (in, ctx) -> call(m, instance, in, ctx) : (in, ctx) -> call(m, instance, in);
        }
        return new PojoInvocationHandler(function, input, output, loader);
    }

    private static Object instanceFor(Class<?> type, Method m) {
        return Modifier.isStatic(m.getModifiers()) ? null : Instances.create(type);
    }

    private static Object call(Method m, Object instance, Object... args) throws Exception {
        try {
            return m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }
}
