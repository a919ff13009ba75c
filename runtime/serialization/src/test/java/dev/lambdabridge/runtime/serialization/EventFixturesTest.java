package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each events fixture through Serializers.forType, byte-for-byte against AWS's own path, in-process. */
class EventFixturesTest {

    static Stream<FixtureCatalog.Entry> eventEntries() {
        return FixtureCatalog.eventEntries().stream();
    }

    static String stackTrace(Throwable t) {
        var w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    @Test
    void catalogCoversEveryFixtureFileAndNoOther() throws IOException {
        Path root = FixtureCatalog.root();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> catalogued = FixtureCatalog.entries().stream().map(FixtureCatalog.Entry::path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, catalogued, "fixture files vs catalog under " + root);
        for (var e : FixtureCatalog.entries()) {
            assertTrue(e.hasClass() != (e.noClassReason() != null), e + ": a class or a reason, not both");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventEntries")
    void sameBytesAsTheManagedRuntime(FixtureCatalog.Entry entry) throws Exception {
        Class<?> eventClass = entry.load(getClass().getClassLoader());
        byte[] json = Files.readAllBytes(entry.file());

        // ours first: if AWS's library mutates its shared mapper, it does so through our path too (AwsDateQuirk)
        PojoSerializer<Object> ours = Serializers.forType(eventClass, getClass().getClassLoader());
        var aws = AwsReference.serializer(eventClass);

        var expected = AwsReference.roundTripAws(aws, json);
        var actual = AwsReference.roundTrip(ours, json);
        if (expected.failure() != null) {
            assertNotNull(actual.failure(), () -> "AWS fails (" + expected.failure() + ") but we answer " + actual.json());
            assertEquals(RuntimeException.class, actual.failure().getClass());
            assertEquals(Serializers.PARSE_ERROR_MESSAGE, actual.failure().getMessage());
            return;
        }
        assertNull(actual.failure(), () -> "we fail where AWS answers " + expected.json() + "\n" + stackTrace(actual.failure()));
        assertEquals(expected.json(), actual.json(), "JSON -> " + eventClass.getSimpleName() + " -> JSON");

        // the handler gets the same object: both objects written by AWS's serializer give the same bytes
        Object oursObject = ours.fromJson(new ByteArrayInputStream(json));
        Object awsObject = aws.fromJson(new ByteArrayInputStream(json));
        assertAll(
                () -> assertEquals(AwsReference.writeAws(aws, awsObject), AwsReference.writeAws(aws, oursObject)),
                () -> assertEquals(awsObject.getClass(), oursObject.getClass()));
    }
}
