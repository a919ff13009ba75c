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
    /**
     * Non-bridge methods first, then the heaviest. A plain class, not {@code Comparator.comparing(...)}: the JDK's
     * combinators are lambdas spun at each cold start (the AOT cache does not hold them), about 10 ms before the
     * first invocation.
     */
    private static final Comparator<Method> PRIORITY = new Priority();

    private static final class Priority implements Comparator<Method> {
        @Override
        public int compare(Method a, Method b) {
            if (a.isBridge() != b.isBridge()) {
                return a.isBridge() ? 1 : -1;
            }
            return Integer.compare(weight(b), weight(a));
        }
    }

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
                    return stream(type, m, StreamMethodCall.IN);
                } else if (p[0] == OutputStream.class) {
                    return stream(type, m, StreamMethodCall.OUT);
                } else if (p[0] == Context.class) {
                    return pojo(type, m, null, true, result, loader);
                }
                return pojo(type, m, generic[0], false, result, loader);
            case 2:
                if (p[0] == InputStream.class && p[1] == OutputStream.class) {
                    return stream(type, m, StreamMethodCall.IN | StreamMethodCall.OUT);
                } else if (p[0] == InputStream.class && p[1] == Context.class) {
                    return stream(type, m, StreamMethodCall.IN | StreamMethodCall.CONTEXT);
                } else if (p[0] == OutputStream.class && p[1] == Context.class) {
                    return stream(type, m, StreamMethodCall.OUT | StreamMethodCall.CONTEXT);
                } else if (p[0] != Context.class && p[0] != InputStream.class && p[0] != OutputStream.class
                        && p[1] == Context.class) {
                    return pojo(type, m, generic[0], true, result, loader);
                }
                return null;
            case 3:
                if (p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class) {
                    return stream(type, m, StreamMethodCall.IN | StreamMethodCall.OUT | StreamMethodCall.CONTEXT);
                }
                return null;
            default:
                return null;
        }
    }

    private static InvocationHandler stream(Class<?> type, Method m, int arguments) {
        return new RequestStreamInvocationHandler(new StreamMethodCall(m, instanceFor(type, m), arguments));
    }

    private static InvocationHandler pojo(Class<?> type, Method m, Type input, boolean withContext, Type output,
                                          ClassLoader loader) {
        PojoMethodCall function = new PojoMethodCall(m, instanceFor(type, m), input != null, withContext);
        return new PojoInvocationHandler(function, input, output, loader);
    }

    private static Object instanceFor(Class<?> type, Method m) {
        return Modifier.isStatic(m.getModifiers()) ? null : Instances.create(type);
    }

    /** {@code m.invoke}, with the handler's own exception thrown as it is (not wrapped). */
    static Object call(Method m, Object instance, Object... args) throws Exception {
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
