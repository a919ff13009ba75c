package dev.lambdabridge.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rie CMD ARGS...}: the command line and environment read as AWS's runtime interface emulator reads them. */
class RieModeTest {
    @Test
    void theEnvironmentAndTheCommandConfigureTheFunction(@TempDir Path cwd) throws Exception {
        Map<String, String> env = Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "2", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256",
                "AWS_LAMBDA_FUNCTION_NAME", "rie-fn", "_HANDLER", "from.env", "AWS_LAMBDA_RUNTIME_API", "10.0.0.1:1",
                "MY_SETTING", "forwarded", "PATH", "/usr/bin");
        RieMode mode = RieMode.parse(List.of("/usr/bin/python3", "-m", "awslambdaric", "app.handler"), env, cwd);
        FunctionConfig function = mode.function();
        assertEquals("rie-fn", function.name());
        assertEquals(List.of("/usr/bin/python3", "-m", "awslambdaric", "app.handler"), function.command());
        assertEquals("app.handler", function.handler(), "the last of several words is the handler");
        assertEquals(cwd.toAbsolutePath().normalize(), function.codeDir());
        assertEquals(Duration.ofSeconds(2), function.timeout());
        assertEquals(256, function.memoryMb());
        assertEquals("forwarded", function.env().get("MY_SETTING"), "the emulator's environment reaches the function");
        assertFalse(function.env().containsKey("AWS_LAMBDA_RUNTIME_API"), "set per sandbox, never forwarded");
        assertFalse(function.env().containsKey("PATH"), "PATH is built per function (code dir, /opt/bin, then it)");
        assertEquals("127.0.0.1", mode.host());
        assertEquals(8080, mode.port());
        assertEquals("http://127.0.0.1:8080/2015-03-31/functions/function/invocations", mode.invokeUrl());
    }

    @Test
    void rieDefaults(@TempDir Path cwd) throws Exception {
        RieMode mode = RieMode.parse(List.of("./bootstrap"), Map.of("_HANDLER", "index.handler"), cwd);
        assertEquals("function", mode.function().name());
        assertEquals(Duration.ofSeconds(300), mode.function().timeout());
        assertEquals(3008, mode.function().memoryMb());
        assertEquals("index.handler", mode.function().handler(), "one word: the handler comes from _HANDLER");
        RieMode elsewhere = RieMode.parse(List.of("--runtime-interface-emulator-address", "0.0.0.0:9001",
                "./bootstrap"), Map.of(), cwd);
        assertEquals("0.0.0.0", elsewhere.host());
        assertEquals(9001, elsewhere.port());
    }

    @Test
    void badValuesAreNamed(@TempDir Path cwd) {
        UsageException timeout = assertThrows(UsageException.class, () -> RieMode.parse(List.of("./bootstrap"),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "soon"), cwd));
        assertEquals("AWS_LAMBDA_FUNCTION_TIMEOUT needs a positive number of seconds, got 'soon'", timeout.getMessage());
        UsageException memory = assertThrows(UsageException.class, () -> RieMode.parse(List.of("./bootstrap"),
                Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "64"), cwd));
        assertTrue(memory.getMessage().contains("from 128 to 10240, got '64'"), memory.getMessage());
        UsageException option = assertThrows(UsageException.class, () -> RieMode.parse(List.of("--colour", "red",
                "./bootstrap"), Map.of(), cwd));
        assertTrue(option.getMessage().contains("unknown option --colour (value 'red')"), option.getMessage());
        if (List.of("/var/task/bootstrap", "/opt/bootstrap", "/var/runtime/bootstrap").stream()
                .noneMatch(p -> Files.exists(Path.of(p)))) {
            UsageException none = assertThrows(UsageException.class, () -> RieMode.parse(List.of(), Map.of(), cwd));
            assertTrue(none.getMessage().contains("/var/task/bootstrap"), none.getMessage());
        }
    }
}
