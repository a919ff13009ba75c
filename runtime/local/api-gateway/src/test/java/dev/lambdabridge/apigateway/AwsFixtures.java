package dev.lambdabridge.apigateway;

import java.nio.file.Files;
import java.nio.file.Path;

/** The AWS event fixtures (system property {@code aws.events}, set by the pom), read in place. */
final class AwsFixtures {
    private AwsFixtures() {
    }

    static Path file(String relative) {
        Path root = Path.of(System.getProperty("aws.events", "/work/shared/fixtures/aws-events"));
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no AWS event fixture " + relative + " under " + root.toAbsolutePath());
        }
        return file;
    }
}
