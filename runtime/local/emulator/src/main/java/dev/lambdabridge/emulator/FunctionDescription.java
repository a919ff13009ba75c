package dev.lambdabridge.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * What Lambda's API says about a hosted function besides its configuration: its ARN, when it was added
 * (LastModified), its RevisionId, and its code's size (measured once, when first asked).
 */
final class FunctionDescription {
    private final FunctionConfig config;
    private final String arn;
    private final Instant addedAt = Instant.now();
    private final String revisionId = Ids.requestId();
    private volatile long codeSize = -1;

    FunctionDescription(FunctionConfig config, String arn) {
        this.config = config;
        this.arn = arn;
    }

    FunctionConfig config() {
        return config;
    }

    String arn() {
        return arn;
    }

    Instant addedAt() {
        return addedAt;
    }

    String revisionId() {
        return revisionId;
    }

    /** The bytes of the files in the code directory, as Lambda's CodeSize counts the unpacked code. */
    long codeSize() {
        if (codeSize < 0) {
            try (Stream<Path> files = Files.walk(config.codeDir())) {
                codeSize = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            } catch (IOException | UncheckedIOException unreadable) {
                codeSize = 0;
            }
        }
        return codeSize;
    }
}
