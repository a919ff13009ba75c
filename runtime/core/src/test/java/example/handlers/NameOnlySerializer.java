package example.handlers;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A function's own serializer (listed in META-INF/services by the test that uses it): the event's text is a
 * {@link Greeting}'s name, and a Greeting is written as {@code custom:NAME:COUNT}.
 */
public class NameOnlySerializer implements CustomPojoSerializer {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T fromJson(InputStream input, Type type) {
        try {
            Greeting greeting = new Greeting();
            greeting.setName(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            return (T) greeting;
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
        Greeting greeting = (Greeting) value;
        try {
            output.write(("custom:" + greeting.getName() + ":" + greeting.getCount()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
