package dev.lambdabridge.runtime.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdabridge.runtime.errors.HandlerFault;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzing (Jazzer) of the Java handler-string parser ({@link HandlerName}): any string is a class (and method)
 * name or a {@link HandlerFault} with the managed runtime's message "Invalid handler: `...'"; the class name is
 * never empty, the method (when there is one) never empty, and they put back together give the string. The
 * input's bytes are the handler string in UTF-8 (malformed sequences become U+FFFD).
 *
 * <p>Every test run replays the seeds in
 * src/test/resources/dev/lambdabridge/runtime/java/HandlerNameFuzzTestInputs (one handler string per file);
 * a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl runtime/core -Dtest=HandlerNameFuzzTest
 * -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class HandlerNameFuzzTest {

    @FuzzTest
    @DictionaryEntries({"::", ":", ".", "/", " ", "$", "<", ">", "\\", "\u0000", "handleRequest", "com.example."})
    void anyStringIsAHandlerNameOrTheManagedRuntimesError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        HandlerName name;
        try {
            name = HandlerName.parse(text);
        } catch (HandlerFault fault) {
            assertEquals("Invalid handler: `" + text + "'", fault.getMessage());
            return;
        }
        assertFalse(name.className().isEmpty());
        assertTrue(name.method() == null || !name.method().isEmpty());
        assertEquals(text, name.method() == null ? name.className() : name.className() + "::" + name.method());
        assertTrue(name.method() == null || !name.method().contains("::"), "split at the last ::");
    }
}
