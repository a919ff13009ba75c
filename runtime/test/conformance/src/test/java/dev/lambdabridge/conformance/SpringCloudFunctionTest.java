package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.runtime.serialization.FixtureCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/frameworks/spring-cloud-function (Spring Cloud Function's AWS adapter, Spring Boot 3) under lambda-bridge
 * and under AWS's runtime interface client 2.10.1: the same events, the same results. The adapter converts
 * aws-lambda-java-events types with aws-lambda-java-serialization, which the function does not bundle: the
 * managed runtime's class path gives it.
 */
@Tag("slow")
class SpringCloudFunctionTest {
    private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    private static BothRuntimes runtimes;

    @BeforeAll
    static void start() {
        runtimes = new BothRuntimes();
    }

    @AfterAll
    static void stop() {
        runtimes.close();
    }

    private static BothRuntimes.Function function(String definition) {
        return BothRuntimes.Function.framework("scf-" + definition, FrameworkSamples.function("spring-cloud-function"),
                HANDLER, Map.of("MAIN_CLASS", "example.frameworks.scf.GreetingApplication",
                        "SPRING_CLOUD_FUNCTION_DEFINITION", definition));
    }

    private static BothRuntimes.Pair assertSame(BothRuntimes.Function function, InvokeRequest request) {
        BothRuntimes.Pair pair = runtimes.invoke(function, request);
        String context = function + "\n--- log ---\n" + runtimes.logText();
        assertEquals(pair.aws().payloadText(), pair.bridge().payloadText(), context);
        assertEquals(pair.aws().functionError(), pair.bridge().functionError(), context);
        return pair;
    }

    /** An API Gateway REST event (the real fixture) into APIGatewayProxyRequestEvent, a response event out. */
    @Test
    void apiGatewayEventTypes() throws Exception {
        byte[] event = Files.readAllBytes(FixtureCatalog.root().resolve("apigw_rest_event.json"));
        BothRuntimes.Pair pair = assertSame(function("greet"), InvokeRequest.of(event));
        assertEquals(null, pair.bridge().functionError(), pair.bridge().payloadText());
        assertTrue(pair.bridge().payloadText().contains("\"statusCode\":200")
                && pair.bridge().payloadText().contains("Hello, "), pair.bridge().payloadText());
    }

    @Test
    void plainStringFunction() {
        BothRuntimes.Pair pair = assertSame(function("uppercase"), InvokeRequest.of("\"spring on lambda\""));
        assertEquals("\"SPRING ON LAMBDA\"", pair.bridge().payloadText());
    }
}
