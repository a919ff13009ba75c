package example.hello;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The samples as {@code scripts/run} runs them: each function of {@code samples/functions.json}, laid out in
 * {@code target/function}, started by the runtime's real bootstrap ({@code runtime/core/target/dist/bootstrap})
 * under the emulator, invoked with its sample event.
 */
@Tag("slow")
class SamplesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Map<String, Path> EVENTS = new HashMap<>();
    private static Emulator emulator;

    @BeforeAll
    static void hostTheSampleFunctions() throws Exception {
        Path bootstrap = Path.of(System.getProperty("lambdabridge.bootstrap"));
        Path functionsFile = Path.of(System.getProperty("samples.functions"));
        assertTrue(Files.isExecutable(bootstrap), "no runtime bootstrap at " + bootstrap
                + ": build runtime/core first (scripts/build)");
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG::add));
        Path dir = functionsFile.toAbsolutePath().getParent();
        for (JsonNode function : JSON.readTree(functionsFile.toFile())) {
            String name = function.path("name").asText();
            emulator.addFunction(new FunctionConfig(name, function.path("handler").asText(),
                    dir.resolve(function.path("code").asText()),
                    Duration.ofMillis(Math.round(function.path("timeout").asDouble(3) * 1000)),
                    function.path("memory").asInt(FunctionConfig.DEFAULT_MEMORY_MB), Map.of(),
                    List.of(bootstrap.toString())));
            EVENTS.put(name, dir.resolve(function.path("event").asText()));
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static InvokeResult invoke(String name) throws Exception {
        InvokeResult result = emulator.invoke(name, InvokeRequest.of(Files.readAllBytes(EVENTS.get(name))));
        assertFalse(result.isFunctionError(), name + " failed: " + result.payloadText() + "\nlog:\n"
                + String.join("\n", LOG));
        return result;
    }

    @Test
    void functionsFileListsEverySample() {
        assertEquals(List.of("api-gateway", "echo-stream", "greeting-pojo", "hello", "sqs-batch"),
                emulator.functionNames().stream().sorted().toList());
    }

    @Test
    void helloCountsTheKeysOfItsEvent() throws Exception {
        JsonNode reply = JSON.readTree(invoke("hello").payload());
        assertEquals("Hello, Ada!", reply.path("greeting").asText());
        assertEquals(3, reply.path("keys").asInt());
    }

    @Test
    void greetingPojoMapsJsonToBeansAndBack() throws Exception {
        InvokeResult result = invoke("greeting-pojo");
        JsonNode reply = JSON.readTree(result.payload());
        assertEquals("Bonjour, Grace !", reply.path("message").asText());
        assertEquals("fr", reply.path("language").asText());
        assertEquals(result.requestId(), reply.path("requestId").asText());
    }

    @Test
    void echoStreamReturnsTheEventBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(EVENTS.get("echo-stream")), invoke("echo-stream").payload());
    }

    @Test
    void apiGatewayAnswers200WithCors() throws Exception {
        JsonNode response = JSON.readTree(invoke("api-gateway").payload());
        assertEquals(200, response.path("statusCode").asInt());
        assertEquals("*", response.path("headers").path("Access-Control-Allow-Origin").asText());
        assertEquals("Hello from GET /hello", JSON.readTree(response.path("body").asText()).path("message").asText());
    }

    @Test
    void sqsBatchLogsEachMessageAndReportsNoFailures() throws Exception {
        JsonNode response = JSON.readTree(invoke("sqs-batch").payload());
        assertTrue(response.path("batchItemFailures").isArray(), response.toString());
        assertEquals(0, response.path("batchItemFailures").size(), response.toString());
        assertTrue(LOG.contains("message 0b4c7f2e-5d6a-4e8b-9c1d-2f3a4b5c6d7e: first order: 2 coffees"),
                String.join("\n", LOG));
        assertTrue(LOG.contains("processed 2 messages"), String.join("\n", LOG));
    }
}
