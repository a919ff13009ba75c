package dev.lambdabridge.reliability.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.reliability.GoBuild;
import dev.lambdabridge.reliability.HostedRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken events and handler strings against the real runtime with every bridge, under the emulator
 * (docs/bad-input.md names each row's test here). Every refusal names what was wrong, and the function serves
 * its next invocation from the same runtime process.
 */
@Tag("slow")
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Everything a shell would interpret, quotes of both kinds, escapes, a newline, non-ASCII and an emoji. */
    static final String METACHARACTERS = "{\"text\":\"'; rm -rf / # $(id) `id` \\\"double\\\" 'single' | & ; < > * ? "
            + "[a] ~ ! \\\\ ${HOME} %PATH% \\n second line \u00e9\u00e8 \ud83d\ude00\",\"n\":[1,2,{\"$(x)\":null}]}";
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final List<String> ECHOES = List.of("java", "exec-php", "exec-ruby", "exec-go", "worker-php", "js");
    private static Emulator emulator;

    @TempDir
    static Path work;

    @BeforeAll
    static void host() throws Exception {
        Path hostile = HostedRuntime.resources().resolve("hostile");
        Path exec = Files.createDirectories(work.resolve("exec"));
        for (String file : List.of("echo.php", "echo_arg.rb", "deep.php")) {
            Files.copy(hostile.resolve("exec").resolve(file), exec.resolve(file));
        }
        GoBuild.build(work.resolve("go"), hostile.resolve("exec/echo.go"), exec.resolve("echo"), null);
        Path worker = Files.createDirectories(work.resolve("worker"));
        Files.copy(hostile.resolve("worker/echo_worker.php"), worker.resolve("echo_worker.php"));
        Path js = hostile.resolve("js");
        Map<String, String> utf8 = Map.of("LANG", "C.UTF-8");
        emulator = HostedRuntime.emulator(LOG::add);
        Duration timeout = Duration.ofSeconds(10);
        emulator.addFunction(HostedRuntime.function("java", "soak.Echo::handleRequest", HostedRuntime.javaFunction())
                .withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("exec-php", "exec:php echo.php", exec).withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("exec-ruby", "exec:ruby echo_arg.rb {event}", exec)
                .withEnv(utf8).withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("exec-go", "exec:./echo {event}", exec).withEnv(utf8)
                .withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("exec-deep", "exec:php deep.php", exec).withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("worker-php", "worker:php echo_worker.php", worker)
                .withTimeout(timeout));
        emulator.addFunction(HostedRuntime.function("js", "js:echo.handler", js).withTimeout(timeout)
                .withMemoryMb(1024));
        for (String[] bad : new String[][] {
                {"js-dotdot", "js:../echo.handler"}, {"js-absolute", "js:/etc/passwd.handler"},
                {"ruby-dotdot", "ruby:../lib/app.handler"}, {"ruby-absolute", "ruby:/etc/app.handler"},
                {"java-dotdot", "../../etc/Passwd::handleRequest"}, {"java-path", "/etc/passwd"},
                {"exec-quoted", "exec:sh -c 'id'"}}) {
            emulator.addFunction(HostedRuntime.function(bad[0], bad[1], js).withMemoryMb(1024));
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static InvokeResult invoke(String function, byte[] event) {
        return emulator.invoke(function, InvokeRequest.of(event));
    }

    private static String log() {
        return String.join("\n", LOG.subList(Math.max(0, LOG.size() - 60), LOG.size()));
    }

    @Test
    void shellMetacharactersReachEveryProgramVerbatim() throws Exception {
        byte[] event = METACHARACTERS.getBytes(StandardCharsets.UTF_8);
        for (String function : ECHOES) {
            InvokeResult result = invoke(function, event);
            assertFalse(result.isFunctionError(), function + ": " + result.payloadText() + "\n" + log());
            if (function.startsWith("exec-") || function.equals("java")) {
                assertArrayEquals(event, result.payload(), function + " changed the bytes: " + result.payloadText());
            } else { // the shim and JS parse the event and serialize their result
                assertEquals(JSON.readTree(event), JSON.readTree(result.payload()), function);
            }
        }
    }

    @Test
    void brokenJsonIsRefusedBeforeAnyRuntimeAndTheFunctionKeepsServing() throws Exception {
        byte[][] broken = {
            "{\"a\":[1,2".getBytes(StandardCharsets.UTF_8), // truncated
            "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8), // two documents
            "{'a':1}".getBytes(StandardCharsets.UTF_8), // not JSON quotes
            "[NaN]".getBytes(StandardCharsets.UTF_8),
            {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, // invalid UTF-8 in a string
            {(byte) 0xc3, (byte) 0x28}, // invalid UTF-8, no JSON at all
            ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), // 100,000 levels
        };
        for (String function : ECHOES) {
            long pid = invoke(function, "{\"warm\":true}".getBytes(StandardCharsets.UTF_8)).pid();
            for (byte[] payload : broken) {
                InvokeApiException refused = assertThrows(InvokeApiException.class, () -> invoke(function, payload),
                        function + " accepted " + new String(payload, 0, Math.min(40, payload.length),
                                StandardCharsets.UTF_8));
                assertEquals(400, refused.statusCode());
                assertEquals("InvalidRequestContentException", refused.errorType());
                assertTrue(refused.getMessage().startsWith("Could not parse request body into json: "),
                        refused.getMessage());
            }
            InvokeResult next = invoke(function, "{\"after\":1}".getBytes(StandardCharsets.UTF_8));
            assertFalse(next.isFunctionError(), next.payloadText());
            assertEquals(pid, next.pid(), function + ": the same runtime serves on");
        }
    }

    @Test
    void aClientContextThatIsNotBase64Is400() {
        InvokeApiException refused = assertThrows(InvokeApiException.class, () -> emulator.invoke("java",
                InvokeRequest.of("{}").withClientContext("not base64 $(id)")));
        assertEquals(400, refused.statusCode());
        assertEquals("InvalidParameterValueException", refused.errorType());
        assertEquals("Client context must be a valid Base64-encoded JSON object, got: not base64 $(id)",
                refused.getMessage());
    }

    @Test
    void anEventOverSixMegabytesIsRefusedWith413() {
        byte[] big = ("{\"s\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        InvokeApiException refused = assertThrows(InvokeApiException.class, () -> invoke("exec-php", big));
        assertEquals(413, refused.statusCode());
        assertEquals("RequestEntityTooLargeException", refused.errorType());
        assertEquals("Request must be smaller than 6291456 bytes for the InvokeFunction operation", refused.getMessage());
    }

    @Test
    void aFiveMegabyteStringPassesEveryBridgeExceptAsAnArgument() throws Exception {
        String text = "\u00e9x\"\\".repeat(750_000); // 5.25 MB of JSON: non-ASCII, quotes and backslashes
        byte[] event = JSON.writeValueAsBytes(Map.of("s", text));
        for (String function : ECHOES) {
            if (function.equals("exec-ruby") || function.equals("exec-go")) {
                InvokeResult refused = invoke(function, event);
                JsonNode error = JSON.readTree(refused.payload());
                assertEquals("Process.InvalidEvent", error.path("errorType").asText(), function + ": " + error);
                assertTrue(error.path("errorMessage").asText().contains("128 KiB")
                        || error.path("errorMessage").asText().contains("argument"), error.toString());
                continue;
            }
            InvokeResult result = invoke(function, event);
            assertFalse(result.isFunctionError(), function + ": " + result.payloadText().substring(0,
                    Math.min(300, result.payload().length)) + "\n" + log());
            assertEquals(text, JSON.readTree(result.payload()).path("s").asText(), function);
        }
    }

    @Test
    void stdoutOfAHundredThousandNestedArraysIsReturnedAsJson() {
        InvokeResult result = invoke("exec-deep", "{}".getBytes(StandardCharsets.UTF_8));
        assertFalse(result.isFunctionError(), result.payloadText().substring(0, 300));
        assertEquals("[".repeat(100_000) + "]".repeat(100_000), result.payloadText());
    }

    @Test
    void handlerStringsThatLeaveTheTaskRootOrNeedAShellAreInitErrors() throws Exception {
        for (String function : List.of("js-dotdot", "js-absolute", "ruby-dotdot", "ruby-absolute", "exec-quoted")) {
            JsonNode error = JSON.readTree(invoke(function, "{}".getBytes(StandardCharsets.UTF_8)).payload());
            assertEquals("Runtime.MalformedHandlerName", error.path("errorType").asText(), function + ": " + error);
            assertFalse(error.path("errorMessage").asText().isEmpty(), error.toString());
        }
        for (String function : List.of("java-dotdot", "java-path")) {
            JsonNode error = JSON.readTree(invoke(function, "{}".getBytes(StandardCharsets.UTF_8)).payload());
            assertTrue(error.path("errorMessage").asText().contains("Class not found")
                    || error.path("errorMessage").asText().contains("Invalid handler"), function + ": " + error);
        }
    }
}
