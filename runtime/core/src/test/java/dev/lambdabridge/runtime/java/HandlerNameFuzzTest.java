package dev.lambdabridge.runtime.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.runtime.errors.HandlerFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzing of the Java handler-string parser ({@link HandlerName}): any string is a class (and method) name or a
 * {@link HandlerFault} with the managed runtime's message "Invalid handler: `...'"; the class name is never empty,
 * the method (when there is one) never empty, and they put back together give the string. Inputs: the corpus in
 * src/test/resources/fuzz/java-handlers (one handler string per line), random strings built of the characters
 * that matter ({@code :}, {@code .}, {@code /}, spaces), and random Unicode.
 */
class HandlerNameFuzzTest {

    @Property
    void anyStringIsAHandlerNameOrTheManagedRuntimesError(@ForAll("handlerStrings") String text) {
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

    @Provide
    Arbitrary<String> handlerStrings() {
        Arbitrary<String> corpus = Arbitraries.of(corpus());
        Arbitrary<String> shaped = Arbitraries.strings().withChars(":.:/ $<>abcAB1\\\u0000").ofMaxLength(24);
        Arbitrary<String> unicode = Arbitraries.strings().ofMaxLength(24);
        Arbitrary<String> edited = net.jqwik.api.Combinators.combine(corpus, shaped, Arbitraries.integers()
                .between(0, 64)).as((seed, insert, at) -> {
                    int cut = Math.min(at, seed.length());
                    return seed.substring(0, cut) + insert + seed.substring(cut);
                });
        return Arbitraries.frequencyOf(Tuple.of(1, corpus), Tuple.of(3, edited), Tuple.of(3, shaped),
                Tuple.of(1, unicode));
    }

    static List<String> corpus() {
        try {
            Path dir = Path.of(HandlerNameFuzzTest.class.getResource("/fuzz/java-handlers").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.sorted().flatMap(file -> {
                    try {
                        return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
