package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdabridge.runtime.errors.HandlerFault;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzing (Jazzer) of the {@code js:} and {@code ruby:} handler-string parsers: any string is a handler name or a
 * {@link HandlerFault} of type {@code Runtime.MalformedHandlerName}; a name never points outside the task root
 * (no leading {@code /}, no {@code ..}), and its parts are never empty. The input's bytes are the handler string
 * (after {@code js:} or {@code ruby:}) in UTF-8; malformed sequences become U+FFFD.
 *
 * <p>Every test run replays the seeds in
 * src/test/resources/dev/lambdabridge/bridge/polyglot/HandlerNamesFuzzTestInputs (one handler string per file,
 * shared by both targets); a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl bridge/polyglot
 * -Dtest='HandlerNamesFuzzTest#METHOD' -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class HandlerNamesFuzzTest {
    @FuzzTest
    @DictionaryEntries({".", "/", "..", "../", ":", "::", "_", "~", "\\", "\u0000", "handler", "index."})
    void anyStringIsAJsHandlerNameOrMalformed(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        JsHandlerName name;
        try {
            name = JsHandlerName.parse(text);
        } catch (HandlerFault fault) {
            assertEquals("Runtime.MalformedHandlerName", fault.errorType());
            assertTrue(fault.getMessage().contains("js:" + text), fault.getMessage());
            return;
        }
        staysInTheTaskRoot(name.module());
        assertFalse(name.exportPath().isEmpty());
        assertEquals(text, name.module() + "." + String.join(".", name.exportPath()));
    }

    @FuzzTest
    @DictionaryEntries({".", "/", "..", "../", ":", "::", "_", "~", "\\", "\u0000", "handler", "lib/app.", "Module::"})
    void anyStringIsARubyHandlerNameOrMalformed(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        RubyHandlerName name;
        try {
            name = RubyHandlerName.parse(text);
        } catch (HandlerFault fault) {
            assertEquals("Runtime.MalformedHandlerName", fault.errorType());
            assertTrue(fault.getMessage().contains("ruby:" + text), fault.getMessage());
            return;
        }
        staysInTheTaskRoot(name.file());
        assertFalse(name.method().isEmpty());
        assertTrue(name.constant() == null || !name.constant().isEmpty());
        assertEquals(text, name.file() + (name.constant() == null ? "" : "." + name.constant()) + "." + name.method());
    }

    private static void staysInTheTaskRoot(String path) {
        assertFalse(path.isEmpty());
        assertFalse(path.startsWith("/"), path);
        assertFalse(path.contains(".."), path);
    }
}
