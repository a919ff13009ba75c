package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.HandlerFault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzing (Jazzer) of the {@code exec:}/{@code worker:} handler-string parser ({@link CommandSpec}): any string is
 * a spec or a {@link HandlerFault} of type {@code Runtime.MalformedHandlerName} naming the handler; a spec's
 * program and arguments are non-empty and hold no space, tab or quote (nothing a shell would need, since none
 * runs); the event placeholder is a whole argument, never the program, and only for {@code exec:}; parsing what a
 * spec displays gives the same spec. The input's bytes are the handler string after the scheme, in UTF-8 (a
 * final newline dropped, as Lambda passes one line; malformed sequences become U+FFFD).
 *
 * <p>Every test run replays the seeds in
 * src/test/resources/dev/lambdabridge/bridge/process/HandlerStringFuzzTestInputs (shared by both schemes' targets);
 * a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl bridge/process -Dtest='HandlerStringFuzzTest#METHOD'
 * -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class HandlerStringFuzzTest {

    @FuzzTest
    @DictionaryEntries({" ", "\t", "\"", "'", "{event}", "{", "}", "php", "./", "..", "/", "$", ";", "|", "&", "`",
        "\\", "\u0000"})
    void anyExecHandlerStringIsASpecOrAMalformedHandlerName(byte[] input) {
        check("exec", text(input));
    }

    @FuzzTest
    @DictionaryEntries({" ", "\t", "\"", "'", "{event}", "{", "}", "php", "./", "..", "/", "$", ";", "|", "&", "`",
        "\\", "\u0000"})
    void anyWorkerHandlerStringIsASpecOrAMalformedHandlerName(byte[] input) {
        check("worker", text(input));
    }

    private static void check(String scheme, String spec) {
        CommandSpec parsed;
        try {
            parsed = CommandSpec.parse(scheme, spec);
        } catch (HandlerFault fault) {
            assertEquals(LambdaErrorTypes.MALFORMED_HANDLER_NAME, fault.errorType());
            assertTrue(fault.getMessage().contains(scheme + ":" + spec), fault.getMessage());
            return;
        }
        List<String> words = new ArrayList<>(parsed.arguments());
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

    /** Seed bytes as the handler string Lambda would pass (UTF-8, one line). */
    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
