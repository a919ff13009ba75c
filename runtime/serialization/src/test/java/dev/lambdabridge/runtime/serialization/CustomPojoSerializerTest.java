package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's own CustomPojoSerializer (META-INF/services) replaces JSON handling for every type, as in AWS. */
class CustomPojoSerializerTest {

    public static final class Upper implements CustomPojoSerializer {
        @Override
        public <T> T fromJson(InputStream input, Type type) {
            try {
                @SuppressWarnings("unchecked")
                T t = (T) ("custom:" + type.getTypeName() + ":" + new String(input.readAllBytes(), StandardCharsets.UTF_8));
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T fromJson(String input, Type type) {
            return fromJson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), type);
        }

        @Override
        public <T> void toJson(T value, OutputStream output, Type type) {
            try {
                output.write(String.valueOf(value).toUpperCase().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final class Other extends CustomPojoSerializerTest.Base {
    }

    public abstract static class Base implements CustomPojoSerializer {
        @Override
        public <T> T fromJson(InputStream input, Type type) {
            throw new IllegalStateException("not used");
        }

        @Override
        public <T> T fromJson(String input, Type type) {
            throw new IllegalStateException("not used");
        }

        @Override
        public <T> void toJson(T value, OutputStream output, Type type) {
            throw new IllegalStateException("not used");
        }
    }

    @Test
    void usedForPojosAndEventsAlike(@TempDir Path dir) throws Exception {
        try (var loader = taskLoader(dir, Upper.class.getName())) {
            var forEvents = Serializers.forType(SQSEvent.class, loader);
            assertEquals("custom:" + SQSEvent.class.getName() + ":{}", forEvents.fromJson(input("{}")));
            var out = new java.io.ByteArrayOutputStream();
            Serializers.forType(String.class, loader).toJson("abc", out);
            assertEquals("ABC", out.toString(StandardCharsets.UTF_8));
            // a void result is "null" without asking it, as in the managed runtime
            assertEquals("null", AwsReference.write(Serializers.forResultType(void.class, loader), null));
        }
    }

    @Test
    void twoProvidersFailAsInTheManagedRuntime(@TempDir Path dir) throws Exception {
        try (var loader = taskLoader(dir, Upper.class.getName() + "\n" + Other.class.getName())) {
            var e = assertThrows(TooManyServiceProvidersFoundException.class, () -> Serializers.forType(String.class, loader));
            assertEquals("Too many serializers provided inside the META-INF/services folder, only one is allowed", e.getMessage());
        }
    }

    private static URLClassLoader taskLoader(Path dir, String providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(CustomPojoSerializer.class.getName()), providers);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, CustomPojoSerializerTest.class.getClassLoader());
    }

    private static InputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
