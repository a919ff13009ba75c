package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.runtime.errors.HandlerFault;
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
 * Fuzzing of the {@code exec:}/{@code worker:} handler-string parser ({@link CommandSpec}): any string is a spec
 * or a {@link HandlerFault} of type {@code Runtime.MalformedHandlerName} naming the handler; a spec's program and
 * arguments are non-empty and hold no space, tab or quote (nothing a shell would need, since none runs); the
 * event placeholder is a whole argument, never the program, and only for {@code exec:}; parsing what a spec
 * displays gives the same spec. Inputs: the corpus in src/test/resources/fuzz/handlers, mutations, random text.
 */
class HandlerStringFuzzTest {

    @Property
    void anyHandlerStringIsASpecOrAMalformedHandlerName(@ForAll("schemes") String scheme,
                                                        @ForAll("handlerStrings") String spec) {
        CommandSpec parsed;
        try {
            parsed = CommandSpec.parse(scheme, spec);
        } catch (HandlerFault fault) {
            assertEquals(CommandSpec.MALFORMED, fault.errorType());
            assertTrue(fault.getMessage().contains(scheme + ":" + spec), fault.getMessage());
            return;
        }
        List<String> words = new java.util.ArrayList<>(parsed.arguments());
        words.add(parsed.program());
        for (String word : words) {
            assertFalse(word.isEmpty());
            assertTrue(word.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\''), word);
            assertTrue(word.equals(CommandSpec.EVENT_PLACEHOLDER) || !word.contains(CommandSpec.EVENT_PLACEHOLDER),
                    word);
        }
        assertFalse(parsed.program().equals(CommandSpec.EVENT_PLACEHOLDER));
        assertTrue(scheme.equals("exec") || !parsed.eventInArguments());
        assertEquals(parsed, CommandSpec.parse(scheme, parsed.display()));
        List<String> argv = parsed.argv("/bin/program", "{\"event\": \"$(id); `id` | rm -rf /\"}");
        assertEquals(parsed.arguments().size() + 1, argv.size(), "one argv element per word, the event included");
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("exec", "worker");
    }

    @Provide
    Arbitrary<String> handlerStrings() {
        List<byte[]> seeds = FuzzCorpus.read("handlers");
        Arbitrary<byte[]> corpus = Arbitraries.of(seeds);
        Arbitrary<byte[]> mutated = Combinators.combine(corpus, Arbitraries.longs()).as(FuzzCorpus::mutate);
        Arbitrary<String> random = Arbitraries.strings().withChars(" \t\"'{}eventphp./$;|&`\\").ofMaxLength(40);
        Arbitrary<String> unicode = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.frequencyOf(Tuple.of(1, corpus.map(FuzzCorpusText::text)),
                Tuple.of(5, mutated.map(FuzzCorpusText::text)), Tuple.of(2, random), Tuple.of(1, unicode));
    }

    /** Corpus bytes as the handler string Lambda would pass (UTF-8, one line). */
    static final class FuzzCorpusText {
        private FuzzCorpusText() {
        }

        static String text(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
