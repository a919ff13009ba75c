package dev.lambdabridge.runtime.serialization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Our (unshaded) Jackson mapper, set up so that it reads and writes what the managed runtime's mapper (AWS's
 * {@code JacksonFactory}, aws-lambda-java-serialization 1.2.0, shaded Jackson 2.15.4) reads and writes.
 * Only the settings that differ from Jackson's defaults are listed; {@code ManagedRuntimeMapperTest} checks every
 * feature flag against AWS's mapper, so a changed default in a newer Jackson shows up as a test failure.
 * Built on first use (holder idiom): loading this class is what loads Jackson.
 */
final class ManagedRuntimeMapper {

    private ManagedRuntimeMapper() {
    }

    static ObjectMapper get() {
        return Holder.MAPPER;
    }

    /** The mapper after AWS's library has registered its date modules on the managed runtime's mapper. */
    static ObjectMapper withAwsDates(ClassLoader taskClassLoader) {
        ObjectMapper mapper = AwsDatesHolder.mapper;
        if (mapper == null) {
            mapper = create().registerModule(new AwsDateModule(taskClassLoader));
            AwsDatesHolder.mapper = mapper;
        }
        return mapper;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = create();
    }

    private static final class AwsDatesHolder {
        static volatile ObjectMapper mapper;
    }

    static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                // the managed runtime accepts lenient JSON: NaN/Infinity, 007, 'single quotes', \q, raw control
                // characters inside strings and {unquoted: names}
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                // parse errors quote the start of the document in their location, as Jackson 2.15 did (logs only:
                // the error body says "An error occurred during JSON parsing" either way)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // it never closes the streams it is given
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // nor completes a half-written document when a getter throws (the error replaces the response)
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                // nor flushes the output stream after each value
                .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                // it sets this generator flag (only matters for schema-based formats)
                .enable(StreamWriteFeature.IGNORE_UNKNOWN)
                .build();

        return JsonMapper.builder(factory)
                // property names from getters follow the JavaBeans rule: getURL() -> "URL", not "url"
                .enable(MapperFeature.USE_STD_BEAN_NAMING)
                // constructors and factory methods are never used to create objects: only a no-arg
                // constructor plus setters/fields (a class without one cannot be an input type)
                .disable(MapperFeature.AUTO_DETECT_CREATORS)
                // a private field with a public getter but no setter is not written into
                .disable(MapperFeature.INFER_PROPERTY_MUTATORS)
                // collection getters without setters are not used to fill the collection in
                .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
                // serializers are looked up when first used, not when the writer is made
                .disable(SerializationFeature.EAGER_SERIALIZER_FETCH)
                // an object without properties is written as {} instead of failing
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // the writer does not flush the output stream
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                // [] and "" become null for object-typed properties
                .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                // "a" is accepted where ["a"] is expected, and ["a"] where "a" is expected
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                // an unknown enum constant becomes null instead of failing
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                // properties the class does not have are ignored
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // null properties are left out of the response
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // java.time types and Optional/OptionalInt... are (de)serialized by value, not as beans
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                // the function's Joda-Time values are written as beans, as AWS's shaded Jackson writes them
                .build()
                .setMixInResolver(JodaAsBeans.INSTANCE);
    }
}
