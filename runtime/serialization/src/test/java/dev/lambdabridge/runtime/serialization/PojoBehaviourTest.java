package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The managed runtime's POJO behaviour, each case checked against AWS's JacksonFactory in-process: same object for
 * the handler, same bytes for the caller, same failure.
 */
class PojoBehaviourTest {

    public static class Person {
        public String name;
        public int age;
        public List<String> tags;
        public Status status;
    }

    public enum Status { ACTIVE, RETIRED }

    public static class Dated {
        public Optional<String> nickname;
        public LocalDate birthday;
        public Instant seen;
        public Date legacy;
        public Optional<Integer> missing;
    }

    /** getURL() is "URL" under the JavaBeans rule the managed runtime uses. */
    public static class Bean {
        private String url = "u";
        private boolean ok = true;
        public String getURL() { return url; }
        public void setURL(String url) { this.url = url; }
        public boolean isOk() { return ok; }
    }

    private static final Type MAP = new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }.getType();
    private static final Type LIST_OF_PERSONS = new com.fasterxml.jackson.core.type.TypeReference<List<Person>>() { }.getType();

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        assertSameAsAws(Person.class, "{\"name\":\"Ann\",\"unknownField\":1,\"age\":3}");
        byte[] fixture = Files.readAllBytes(FixtureCatalog.root().resolve("partial_pojo.json"));
        assertSameAsAws(Person.class, new String(fixture, StandardCharsets.UTF_8));
    }

    @Test
    void singleValueIsAcceptedAsArrayAndUnwrapped() {
        assertSameAsAws(Person.class, "{\"tags\":\"one\",\"name\":[\"unwrapped\"]}");
        assertSameAsAws(LIST_OF_PERSONS, "{\"name\":\"alone\"}");
    }

    @Test
    void stringInputIsAJsonString() {
        assertEquals("hello", fromJson(String.class, "\"hello\""));
        assertSameAsAws(String.class, "\"hello \\u00e9\"");
        assertSameAsAws(String.class, "42");
        assertSameAsAws(String.class, "{\"not\":\"a string\"}");
        assertSameAsAws(String.class, "hello"); // not JSON
    }

    @Test
    void numbersIntoIntAndBoxedTypes() {
        assertEquals(42, fromJson(int.class, "42"));
        for (String json : List.of("42", "\"42\"", "42.7", "007", "null", "[5]", "true")) {
            assertSameAsAws(int.class, json);
            assertSameAsAws(Integer.class, json);
            assertSameAsAws(Long.class, json);
            assertSameAsAws(Double.class, json);
            assertSameAsAws(Boolean.class, json);
        }
        assertSameAsAws(Double.class, "NaN");
    }

    @Test
    void mapsListsAndObject() {
        String json = "{\"a\":1,\"b\":[true,null,2.5],\"c\":{\"d\":\"e\"},\"big\":12345678901234567890}";
        assertSameAsAws(MAP, json);
        assertSameAsAws(Object.class, json);
        assertSameAsAws(List.class, "[1,\"two\",{\"three\":3}]");
    }

    @Test
    void lenientJsonAsTheManagedRuntimeReadsIt() {
        assertSameAsAws(MAP, "{'single':'quotes', unquoted: 1, \"esc\":\"\\q\"}");
        assertSameAsAws(Person.class, "{\"status\":\"UNKNOWN\",\"name\":\"\"}");
        assertSameAsAws(Person.class, "{\"name\":\"x\"} trailing");
    }

    @Test
    void nullResultIsWrittenAsNull() {
        for (Type type : List.of(Person.class, String.class, MAP, Integer.class, Object.class)) {
            var aws = AwsReference.serializer(type);
            var ours = Serializers.forType(type, loader());
            assertEquals(AwsReference.writeAws(aws, null), AwsReference.write(ours, null), type.getTypeName());
            assertEquals("null", AwsReference.write(ours, null));
        }
        assertEquals("null", AwsReference.write(Serializers.forResultType(void.class, loader()), null));
        assertEquals("null", AwsReference.write(Serializers.forResultType(Void.class, loader()), "ignored"));
    }

    @Test
    void nullPropertiesAreLeftOutAndBeanNamesFollowJavaBeans() {
        var person = new Person();
        person.name = "Ann";
        assertEquals("{\"name\":\"Ann\",\"age\":0}", AwsReference.write(Serializers.forType(Person.class, loader()), person));
        assertSameResult(Person.class, person);
        assertSameResult(Bean.class, new Bean());
        assertSameAsAws(Bean.class, "{\"URL\":\"x\",\"url\":\"y\",\"ok\":false}");
    }

    @Test
    void optionalAndJavaTimeFields() {
        var dated = new Dated();
        dated.nickname = Optional.of("Al");
        dated.birthday = LocalDate.of(1990, 5, 17);
        dated.seen = Instant.ofEpochMilli(1_700_000_000_123L);
        dated.legacy = new Date(1_428_537_600_000L);
        dated.missing = Optional.empty();
        assertSameResult(Dated.class, dated);
        assertSameAsAws(Dated.class, "{\"nickname\":\"Al\",\"birthday\":\"1990-05-17\",\"seen\":1700000000.123,"
                + "\"legacy\":1428537600000,\"missing\":null}");
        assertSameAsAws(Dated.class, "{\"birthday\":[1990,5,17],\"seen\":\"2023-11-14T22:13:20.123Z\"}");
    }

    @Test
    void malformedJsonFailsAsTheManagedRuntimeReportsIt() {
        var ours = Serializers.forType(Person.class, loader());
        var e = assertThrows(RuntimeException.class,
                () -> ours.fromJson(new ByteArrayInputStream("{\"name\": ".getBytes(StandardCharsets.UTF_8))));
        assertEquals(RuntimeException.class, e.getClass());
        assertEquals("An error occurred during JSON parsing", e.getMessage());
        assertInstanceOf(UncheckedIOException.class, e.getCause());
        assertSameAsAws(Person.class, "{\"name\": ");
        assertSameAsAws(Person.class, "");
        assertSameAsAws(Person.class, "[1,2]");
        assertSameAsAws(Person.class, "{\"age\":\"old\"}");
    }

    @Test
    void serializationFailureIsReportedAsTheManagedRuntimeDoes() {
        var ours = Serializers.forType(Object.class, loader());
        var e = assertThrows(RuntimeException.class,
                () -> ours.toJson(new Object() { public String getBoom() { throw new IllegalStateException("boom"); } },
                        new java.io.ByteArrayOutputStream()));
        assertEquals("An error occurred during JSON serialization of response", e.getMessage());
    }

    // -- helpers

    private static ClassLoader loader() {
        return PojoBehaviourTest.class.getClassLoader();
    }

    private static Object fromJson(Type type, String json) {
        return Serializers.forType(type, loader()).fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** JSON -> object -> JSON through ours and through AWS's JacksonFactory: same bytes, same objects, same failure. */
    static void assertSameAsAws(Type type, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        var ours = Serializers.forType(type, loader());
        var aws = AwsReference.serializer(type);
        var expected = AwsReference.roundTripAws(aws, bytes);
        var actual = AwsReference.roundTrip(ours, bytes);
        String what = type.getTypeName() + " <- " + json;
        if (expected.failure() != null) {
            assertNotNull(actual.failure(), () -> what + ": AWS fails (" + expected.failure() + "), we answer " + actual.json());
            assertEquals(RuntimeException.class, actual.failure().getClass(), what);
            assertEquals(Serializers.PARSE_ERROR_MESSAGE, actual.failure().getMessage(), what);
            return;
        }
        if (actual.failure() != null) {
            throw new AssertionError(what + ": we fail where AWS answers " + expected.json(), actual.failure());
        }
        assertEquals(expected.json(), actual.json(), what);
        Object awsObject = aws.fromJson(new ByteArrayInputStream(bytes));
        Object oursObject = ours.fromJson(new ByteArrayInputStream(bytes));
        assertEquals(AwsReference.writeAws(aws, awsObject), AwsReference.writeAws(aws, oursObject), what + " (objects)");
    }

    static void assertSameResult(Type type, Object value) {
        assertEquals(AwsReference.writeAws(AwsReference.serializer(type), value),
                AwsReference.write(Serializers.forType(type, loader()), value), type.getTypeName());
    }
}
