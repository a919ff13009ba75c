package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzing of the process bridge's own JSON code ({@link Json}): the syntax check that decides whether a program's
 * stdout is returned as JSON or as a string agrees with Jackson (strict, one value) on every valid-UTF-8 input;
 * the small parser for the worker's READY/ERROR frames returns a value or throws IllegalArgumentException, and
 * agrees with the check. Inputs: the corpus in src/test/resources/fuzz/json, mutations, random JSON-ish text.
 */
class JsonFuzzTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Property
    void theSyntaxCheckAgreesWithJackson(@ForAll("jsonish") String text) {
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

    @Property
    void theFrameParserReturnsAValueOrIllegalArgument(@ForAll("jsonish") String text) {
        try {
            Json.parse(text);
            assertTrue(Json.isValid(text.getBytes(StandardCharsets.UTF_8)), "parsed what the check refuses: " + text);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isEmpty());
        }
    }

    @net.jqwik.api.Example
    void aHundredThousandLevelsAreCheckedWithoutRecursionAndRefusedByTheFrameParser() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertTrue(Json.isValid(deep.getBytes(StandardCharsets.US_ASCII)), "valid JSON: stdout returned as JSON");
        assertTrue(!Json.isValid(("[".repeat(100_000) + "]".repeat(99_999)).getBytes(StandardCharsets.US_ASCII)));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(refused.getMessage().contains("nested deeper than 64 levels"), refused.getMessage());
    }

    @net.jqwik.api.Example
    void aUnicodeEscapeIsFourHexDigitsNoSign() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Json.parse("\"\\u-d83\""));
        assertTrue(refused.getMessage().contains("expected a hex-digit for character escape sequence"),
                refused.getMessage());
        assertEquals("\u00e9A", Json.parse("\"\\u00e9\\u0041\""));
    }

    private static boolean jacksonAccepts(byte[] bytes) {
        try (JsonParser parser = JACKSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        List<byte[]> seeds = FuzzCorpus.read("json");
        Arbitrary<byte[]> corpus = Arbitraries.of(seeds);
        Arbitrary<byte[]> mutated = Combinators.combine(corpus, Arbitraries.longs()).as(FuzzCorpus::mutate);
        Arbitrary<String> random = Arbitraries.strings().withChars("{}[],:\"\\ \t\n\r0123456789.-+eEtrufalsn")
                .ofMaxLength(40);
        // only valid UTF-8 (the bridge checks UTF-8 separately, Jackson in the same pass)
        Arbitrary<String> fromBytes = Arbitraries.frequencyOf(Tuple.of(1, corpus), Tuple.of(6, mutated))
                .map(b -> new String(b, StandardCharsets.UTF_8)).filter(s -> !s.contains("\uFFFD"));
        return Arbitraries.frequencyOf(Tuple.of(3, fromBytes), Tuple.of(2, random));
    }
}
