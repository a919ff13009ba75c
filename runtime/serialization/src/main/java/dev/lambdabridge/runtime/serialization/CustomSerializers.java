package dev.lambdabridge.runtime.serialization;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function may replace all JSON handling by listing one {@link CustomPojoSerializer} in
 * {@code META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer}; the managed runtime then
 * uses it for every handler type, events types included. Looked up once per task class loader.
 */
final class CustomSerializers {
    private static final Map<ClassLoader, Optional<CustomPojoSerializer>> BY_LOADER = new ConcurrentHashMap<>();

    private CustomSerializers() {
    }

    /** @return null when the function provides none */
    static PojoSerializer<Object> find(Type type, ClassLoader taskClassLoader) {
        CustomPojoSerializer custom = BY_LOADER.computeIfAbsent(taskClassLoader, CustomSerializers::load).orElse(null);
        return custom == null ? null : new Adapter(custom, type);
    }

    private static Optional<CustomPojoSerializer> load(ClassLoader taskClassLoader) {
        Iterator<CustomPojoSerializer> found =
                ServiceLoader.load(CustomPojoSerializer.class, taskClassLoader).iterator();
        if (!found.hasNext()) {
            return Optional.empty();
        }
        CustomPojoSerializer first = found.next();
        if (found.hasNext()) {
            // same message as the managed runtime's TooManyServiceProvidersFoundException
            throw new TooManyServiceProvidersFoundException(
                    "Too many serializers provided inside the META-INF/services folder, only one is allowed");
        }
        return Optional.of(first);
    }

    private record Adapter(CustomPojoSerializer custom, Type type) implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream json) {
            return custom.fromJson(json, type);
        }

        @Override
        public void toJson(Object value, OutputStream out) {
            custom.toJson(value, out, type);
        }
    }
}
