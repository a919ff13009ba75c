package dev.lambdabridge.runtime.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * POJOs, String, boxed types, collections...: one reader and one writer for the declared type, as AWS's
 * {@code JacksonFactory.getSerializer(Type)} makes them (so polymorphic values are written by their runtime class).
 */
final class JacksonPojoSerializer implements PojoSerializer<Object> {
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final Type type;

    private JacksonPojoSerializer(ObjectMapper mapper, Type type) {
        var javaType = mapper.constructType(type);
        this.reader = mapper.readerFor(javaType);
        this.writer = mapper.writerFor(javaType);
        this.type = type;
    }

    static PojoSerializer<Object> forType(Type type) {
        ClassLoader awsDates = AwsDateQuirk.registeredWith();
        ObjectMapper mapper = awsDates == null ? ManagedRuntimeMapper.get() : ManagedRuntimeMapper.withAwsDates(awsDates);
        return new JacksonPojoSerializer(mapper, type);
    }

    @Override
    public Object fromJson(InputStream json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            // AWS's serializer wraps the same way; the cause chain is what ends up in the logs
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void toJson(Object value, OutputStream out) {
        try {
            writer.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Jackson serializer for " + type.getTypeName();
    }
}
