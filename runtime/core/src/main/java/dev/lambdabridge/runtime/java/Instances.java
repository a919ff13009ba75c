package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.errors.HandlerFault;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** Creates the handler instance with its public no-argument constructor, as the managed runtime does. */
final class Instances {

    private Instances() {
    }

    static Object create(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                throw new HandlerFault("Class " + type.getName()
                        + " cannot be instantiated because it is a non-static inner class", "java.lang.Exception", e);
            }
            throw new HandlerFault("Class " + type.getName() + " has no public zero-argument constructor",
                    "java.lang.Exception", e);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw HandlerFault.of(e.getCause() == null ? e : e.getCause());
        } catch (ReflectiveOperationException e) {
            throw HandlerFault.of(e);
        }
    }
}
