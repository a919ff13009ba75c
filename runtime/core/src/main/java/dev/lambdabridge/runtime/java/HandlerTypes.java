package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.errors.HandlerFault;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the concrete {@code I} and {@code O} of a class implementing {@code RequestHandler<I, O>}, through
 * superclasses and interfaces that pass type variables along (e.g. {@code class H extends Base<Order>} with
 * {@code Base<T> implements RequestHandler<T, String>}).
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    /** The two type arguments, or a fault naming the class when they are not concrete. */
    static Type[] of(Class<?> handlerClass, Class<?> handlerInterface) {
        Type[] found = search(handlerClass, handlerInterface, Map.of());
        if (found == null) {
            throw new HandlerFault("Class " + handlerClass.getName()
                    + " does not implement " + handlerInterface.getSimpleName() + " with concrete type parameters");
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] instanceof TypeVariable<?> variable) {
                found[i] = upperBound(handlerClass, handlerInterface, variable);
            }
        }
        return found;
    }

    private static Type upperBound(Class<?> handlerClass, Class<?> handlerInterface, TypeVariable<?> variable) {
        for (Type bound : variable.getBounds()) {
            if (!Object.class.equals(bound)) {
                return bound;
            }
        }
        throw new HandlerFault("Class " + handlerClass.getName() + " does not implement "
                + handlerInterface.getSimpleName() + " with concrete type parameters: parameter " + variable
                + " has no upper bound.");
    }

    private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> local = bindings;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            local = new HashMap<>();
            for (int i = 0; i < variables.length; i++) {
                local.put(variables[i], substitute(arguments[i], bindings));
            }
            if (raw == target) {
                Type[] resolved = new Type[arguments.length];
                for (int i = 0; i < arguments.length; i++) {
                    resolved[i] = local.get(variables[i]);
                }
                return resolved;
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
            if (raw == target) {
                return null; // the raw interface: no type arguments to find
            }
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = search(parent, target, local);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, target, local);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        return type;
    }
}
