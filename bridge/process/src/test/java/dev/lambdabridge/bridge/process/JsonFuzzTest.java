package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing (Jazzer) of the process bridge's own JSON code ({@link Json}): the hand-written syntax check that
 * decides whether a program's stdout is returned as JSON or as a string agrees with Jackson (strict, one value) on
 * every valid-UTF-8 input; the parser for the worker's READY/ERROR frames returns a value or throws
 * IllegalArgumentException, and agrees with the check. The input's bytes are the text in UTF-8; inputs that are
 * not valid UTF-8 are skipped (the bridge checks UTF-8 separately, Jackson in the same pass).
 *
 * <p>Every test run replays the seeds in src/test/resources/dev/lambdabridge/bridge/process/JsonFuzzTestInputs
 * (shared by both targets); a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl bridge/process
 * -Dtest='JsonFuzzTest#METHOD' -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class JsonFuzzTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @FuzzTest
    @DictionaryEntries({"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00", "\\uD83D", "true", "false", "null",
        "-0.5e+3", "1E400", "99999999999999999999", " ", "\t", "\u0000"})
    void theSyntaxCheckAgreesWithJackson(byte[] input) {
        String text = utf8(input);
        if (text == null) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean ours = Json.isValid(bytes);
        if (text.indexOf('\0') >= 0) {
            // RFC 8259 allows U+0000 nowhere unescaped; Jackson takes a NUL after a root value for the end ("2\0")
            assertEquals(false, ours, () -> "Json.isValid accepts a NUL in: " + text);
            return;
        }
        boolean jackson = jacksonAccepts(bytes);
        assertEquals(jackson, ours, () -> "Json.isValid says " + ours + ", Jackson " + jackson + " for: " + text);
    }

    @FuzzTest
    @DictionaryEntries({"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00", "\\uD83D", "true", "false", "null",
        "-0.5e+3", "1E400", "99999999999999999999", " ", "\t", "\u0000"})
    void theFrameParserReturnsAValueOrIllegalArgument(byte[] input) {
        String text = utf8(input);
        if (text == null) {
            return;
        }
        try {
            Json.parse(text);
            assertTrue(Json.isValid(text.getBytes(StandardCharsets.UTF_8)), "parsed what the check refuses: " + text);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isEmpty());
        }
    }

    @Test
    void aHundredThousandLevelsAreCheckedWithoutRecursionAndRefusedByTheFrameParser() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertTrue(Json.isValid(deep.getBytes(StandardCharsets.US_ASCII)), "valid JSON: stdout returned as JSON");
        assertTrue(!Json.isValid(("[".repeat(100_000) + "]".repeat(99_999)).getBytes(StandardCharsets.US_ASCII)));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(refused.getMessage().contains("nested deeper than 64 levels"), refused.getMessage());
    }

    @Test
    void aUnicodeEscapeIsFourHexDigitsNoSign() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Json.parse("\"\\u-d83\""));
        assertTrue(refused.getMessage().contains("expected a hex-digit for character escape sequence"),
                refused.getMessage());
        assertEquals("\u00e9A", Json.parse("\"\\u00e9\\u0041\""));
    }

    /**
     * Whether Jackson takes the bytes as one JSON value. One difference is Jackson's, not the grammar's: Jackson
     * 2.23 refuses a {@code \\u} escape of a lone or misordered surrogate in an object key ("Broken surrogate pair
     * in field name"), though RFC 8259's grammar allows any four hex digits and Jackson itself takes the same
     * escape in a string value (so do JavaScript's JSON.parse and Python's json); the bridge's check follows the
     * grammar. For that refusal Jackson is asked again with each surrogate escape replaced by {@code \\u0041},
     * which changes no input's validity (found by this fuzzer: {@code {"p\\uD83Dl": 1}}, a seed now).
     */
    private static boolean jacksonAccepts(byte[] bytes) {
        try (JsonParser parser = JACKSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("surrogate") && message.contains("in field name")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                String plain = SURROGATE_ESCAPE.matcher(text).replaceAll("\\\\u0041");
                return !plain.equals(text) && jacksonAccepts(plain.getBytes(StandardCharsets.UTF_8));
            }
            return false;
        }
    }

    private static final java.util.regex.Pattern SURROGATE_ESCAPE =
            java.util.regex.Pattern.compile("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}");

    /** The input as text, or null when it is not valid UTF-8. */
    private static String utf8(byte[] input) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(input)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return null;
        }
    }
}
