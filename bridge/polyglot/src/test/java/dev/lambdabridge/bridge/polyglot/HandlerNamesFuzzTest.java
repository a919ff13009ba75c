package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.runtime.errors.HandlerFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Fuzzing of the {@code js:} and {@code ruby:} handler-string parsers: any string is a handler name or a
 * {@link HandlerFault} of type {@code Runtime.MalformedHandlerName}; a name never points outside the task root
 * (no leading {@code /}, no {@code ..}), and its parts are never empty. Inputs: the corpus in
 * src/test/resources/fuzz/polyglot-handlers, edits of it, random strings of the characters that matter.
 */
class HandlerNamesFuzzTest {

    @Property
    void anyStringIsAJsHandlerNameOrMalformed(@ForAll("handlerStrings") String text) {
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

    @Property
    void anyStringIsARubyHandlerNameOrMalformed(@ForAll("handlerStrings") String text) {
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

    @Provide
    Arbitrary<String> handlerStrings() {
        Arbitrary<String> corpus = Arbitraries.of(corpus());
        Arbitrary<String> shaped = Arbitraries.strings().withChars("./:_ab~\\\u0000").ofMaxLength(20);
        Arbitrary<String> edited = Combinators.combine(corpus, shaped, Arbitraries.integers().between(0, 40))
                .as((seed, insert, at) -> seed.substring(0, Math.min(at, seed.length())) + insert
                        + seed.substring(Math.min(at, seed.length())));
        return Arbitraries.frequencyOf(Tuple.of(1, corpus), Tuple.of(4, edited), Tuple.of(3, shaped),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
    }

    static List<String> corpus() {
        try (InputStream in = HandlerNamesFuzzTest.class.getResourceAsStream("/fuzz/polyglot-handlers/handlers.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
