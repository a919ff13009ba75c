package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.HandlerFault;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandSpecTest {

    @Test
    void programAndArgumentsAreSplitOnSpacesAndTabs() {
        CommandSpec spec = CommandSpec.parse("exec", "  php   -d  memory_limit=64M\tHelloLambda.php ");
        assertEquals("php", spec.program());
        assertEquals(List.of("-d", "memory_limit=64M", "HelloLambda.php"), spec.arguments());
        assertFalse(spec.eventInArguments());
        assertEquals("php -d memory_limit=64M HelloLambda.php", spec.display());
    }

    @Test
    void eventPlaceholderBecomesOneArgumentWhereverItIs() {
        CommandSpec spec = CommandSpec.parse("exec", "./hello {event} --again {event}");
        assertTrue(spec.eventInArguments());
        String event = "{\"a\": \"'; rm -rf / # $(id) `id`\"}";
        assertEquals(List.of("/task/hello", event, "--again", event), spec.argv("/task/hello", event));
    }

    @Test
    void metacharactersOtherThanQuotesAreOrdinaryCharacters() {
        CommandSpec spec = CommandSpec.parse("exec", "./x $HOME a;b |c `d` *");
        assertEquals(List.of("$HOME", "a;b", "|c", "`d`", "*"), spec.arguments());
    }

    @Test
    void emptySpecNamesNoProgram() {
        HandlerFault fault = assertThrows(HandlerFault.class, () -> CommandSpec.parse("exec", "   "));
        assertEquals(LambdaErrorTypes.MALFORMED_HANDLER_NAME, fault.errorType());
        assertTrue(fault.getMessage().contains("names no program"), fault.getMessage());
    }

    @Test
    void quotesAreRefusedWithTheReason() {
        HandlerFault fault = assertThrows(HandlerFault.class, () -> CommandSpec.parse("exec", "php \"my file.php\""));
        assertTrue(fault.getMessage().contains("quotes are not supported"), fault.getMessage());
        assertThrows(HandlerFault.class, () -> CommandSpec.parse("worker", "ruby -e 'x'"));
    }

    @Test
    void placeholderMustBeAWholeArgumentAndNotTheProgram() {
        assertThrows(HandlerFault.class, () -> CommandSpec.parse("exec", "./x --event={event}"));
        assertThrows(HandlerFault.class, () -> CommandSpec.parse("exec", "{event} x"));
    }

    @Test
    void workersGetTheEventInFramesNotArguments() {
        HandlerFault fault = assertThrows(HandlerFault.class, () -> CommandSpec.parse("worker", "./w {event}"));
        assertTrue(fault.getMessage().contains("INVOKE"), fault.getMessage());
        assertEquals(List.of("handler.php"), CommandSpec.parse("worker", "php handler.php").arguments());
    }
}
