package dev.lambdabridge.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external extension under the emulator: {@code recorder.py} (test resources) in {@code <opt>/extensions}
 * registers, subscribes to the Telemetry API and records what it receives; the function is the real bootstrap
 * with {@link LoggingHandler}.
 */
@Tag("slow")
class ExtensionsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExtensionGetsInvokeShutdownAndTheFunctionsLogLines(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")),
                "the test extension is a python3 script: install python3 (Debian: python3-minimal)");
        Path extensions = Files.createDirectories(dir.resolve("opt/extensions"));
        Path recorder = extensions.resolve("recorder.py");
        try (InputStream script = getClass().getResourceAsStream("/extensions/recorder.py")) {
            Files.copy(script, recorder);
        }
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("recorded.jsonl");
        List<String> log = new CopyOnWriteArrayList<>();
        Path taskRoot = Path.of(LoggingHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String first;
        String second;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add)
                .withOptDir(dir.resolve("opt")))) {
            emulator.addFunction(new FunctionConfig("logged", LoggingHandler.class.getName(), taskRoot,
                    Duration.ofSeconds(10), 512, Map.of("EXTENSION_OUT", out.toString()),
                    List.of(System.getProperty("lambdabridge.bootstrap"))));
            InvokeResult one = emulator.invoke("logged", InvokeRequest.of("{}"));
            assertFalse(one.isFunctionError(), one.payloadText() + "\n" + String.join("\n", log));
            InvokeResult two = emulator.invoke("logged", InvokeRequest.of("{}"));
            assertEquals("\"ok\"", two.payloadText());
            first = one.requestId();
            second = two.requestId();
        } // close: SHUTDOWN to the extension, up to 2 s for it to finish

        List<JsonNode> recorded = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            recorded.add(JSON.readTree(line));
        }
        JsonNode registered = find(recorded, "registered", null);
        assertEquals("logged", registered.path("payload").path("functionName").asText());
        assertEquals(LoggingHandler.class.getName(), registered.path("payload").path("handler").asText());
        for (String id : List.of(first, second)) {
            JsonNode invoke = find(recorded, "event", e -> "INVOKE".equals(e.path("eventType").asText())
                    && id.equals(e.path("requestId").asText()));
            assertTrue(invoke.path("payload").path("tracing").path("value").asText().startsWith("Root=1-"), invoke.toString());
            assertTrue(invoke.path("payload").path("deadlineMs").asLong() > System.currentTimeMillis() - 60_000);
            find(recorded, "telemetry", e -> "function".equals(e.path("type").asText())
                    && e.path("record").asText().contains("handler saw " + id));
            find(recorded, "telemetry", e -> "platform.start".equals(e.path("type").asText())
                    && id.equals(e.path("record").path("requestId").asText()));
            find(recorded, "telemetry", e -> "platform.runtimeDone".equals(e.path("type").asText())
                    && id.equals(e.path("record").path("requestId").asText())
                    && "success".equals(e.path("record").path("status").asText()));
            find(recorded, "telemetry", e -> "platform.report".equals(e.path("type").asText())
                    && id.equals(e.path("record").path("requestId").asText())
                    && e.path("record").path("metrics").path("memorySizeMB").asInt() == 512);
        }
        // the second invocation started only after the extension was done with the first (300 ms of work)
        long firstDone = find(recorded, "done", e -> first.equals(e.path("requestId").asText()))
                .path("payload").path("atMs").asLong();
        Instant secondStart = Instant.parse(find(recorded, "telemetry", e -> "platform.start".equals(
                e.path("type").asText()) && second.equals(e.path("record").path("requestId").asText()))
                .path("payload").path("time").asText());
        assertTrue(secondStart.toEpochMilli() >= firstDone - 2, "the second invocation started at " + secondStart
                + ", before the extension asked for its next event at " + Instant.ofEpochMilli(firstDone));
        JsonNode shutdown = find(recorded, "event", e -> "SHUTDOWN".equals(e.path("eventType").asText()));
        assertEquals("spindown", shutdown.path("payload").path("shutdownReason").asText());
    }

    private static JsonNode find(List<JsonNode> recorded, String kind, java.util.function.Predicate<JsonNode> payload) {
        return recorded.stream().filter(r -> kind.equals(r.path("kind").asText()))
                .filter(r -> payload == null || payload.test(r.path("payload"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " record as expected among:\n"
                        + String.join("\n", recorded.stream().map(JsonNode::toString).toList())));
    }
}
