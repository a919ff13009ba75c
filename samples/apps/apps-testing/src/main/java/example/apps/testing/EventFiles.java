package example.apps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The events the tests send: the module's own {@code events/} and the shared AWS fixtures (used in place). */
public final class EventFiles {
    private EventFiles() {
    }

    /** A file of the module's {@code events/} directory (system property {@code module.events}). */
    public static String moduleEvent(String name) {
        return read(Path.of(System.getProperty("module.events", "events")).resolve(name));
    }

    /** A file of the shared fixtures (system property {@code aws.events}), e.g. {@code ddb/dynamo_event.json}. */
    public static Path awsFixture(String relative) {
        Path root = Path.of(System.getProperty("aws.events", "/work/shared/fixtures/aws-events"));
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no AWS event fixture " + relative + " under " + root.toAbsolutePath());
        }
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
