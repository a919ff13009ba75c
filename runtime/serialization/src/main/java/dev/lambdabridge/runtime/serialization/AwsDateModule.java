package dev.lambdabridge.runtime.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Date;

/**
 * What AWS's DateModule and DateTimeModule do, for our mapper (see {@link AwsDateQuirk}): {@code java.util.Date}
 * as fractional seconds since the epoch (0 reads as null), and the function's own Joda {@code DateTime}, if it has
 * Joda, as {@code ISODateTimeFormat.dateTime()} text, read back with {@code DateTime.parse}.
 */
final class AwsDateModule extends SimpleModule {

    AwsDateModule(ClassLoader taskClassLoader) {
        super("lambda-bridge-aws-date-module");
        addSerializer(Date.class, new JsonSerializer<>() {
            @Override
            public void serialize(Date date, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(date.getTime() / 1000.0);
            }
        });
        addDeserializer(Date.class, new JsonDeserializer<>() {
            @Override
            public Date deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
                double seconds = parser.getValueAsDouble();
                return seconds == 0.0 ? null : new Date((long) (seconds * 1000.0));
            }
        });
        addJoda(taskClassLoader);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addJoda(ClassLoader loader) {
        final Class dateTime;
        final MethodHandle parse;
        final MethodHandle print;
        try {
            dateTime = Class.forName("org.joda.time.DateTime", false, loader);
            Class<?> formatter = Class.forName("org.joda.time.format.DateTimeFormatter", false, loader);
            Class<?> instant = Class.forName("org.joda.time.ReadableInstant", false, loader);
            var lookup = MethodHandles.publicLookup();
            parse = lookup.findStatic(dateTime, "parse", MethodType.methodType(dateTime, String.class));
            Object isoFormatter = lookup.findStatic(Class.forName("org.joda.time.format.ISODateTimeFormat", true, loader),
                    "dateTime", MethodType.methodType(formatter)).invoke();
            print = lookup.findVirtual(formatter, "print", MethodType.methodType(String.class, instant))
                    .bindTo(isoFormatter);
        } catch (ClassNotFoundException e) {
            return; // no Joda in the function: AWS's library would have failed before registering anything
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set up Joda DateTime (de)serialization", e);
        }
        addSerializer(dateTime, new JsonSerializer() {
            @Override
            public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                try {
                    gen.writeString((String) print.invoke(value));
                } catch (IOException | RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        addDeserializer(dateTime, new JsonDeserializer() {
            @Override
            public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
                try {
                    return parse.invoke(parser.getValueAsString());
                } catch (IOException | RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
