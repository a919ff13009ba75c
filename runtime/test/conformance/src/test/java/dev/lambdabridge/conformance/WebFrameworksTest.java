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
 * Web frameworks behind API Gateway, samples/frameworks/serverless-java-container (Spring Boot 3 through
 * aws-serverless-java-container) and samples/frameworks/micronaut (Micronaut's function-aws-api-proxy), under
 * lambda-bridge and AWS's runtime interface client 2.10.1: the real REST (v1) and HTTP API (v2) event fixtures,
 * the same responses.
 */
@Tag("slow")
class WebFrameworksTest {
    private static BothRuntimes runtimes;

    @BeforeAll
    static void start() {
        runtimes = new BothRuntimes();
    }

    @AfterAll
    static void stop() {
        runtimes.close();
    }

    private static BothRuntimes.Pair assertSame(BothRuntimes.Function function, String fixture) throws Exception {
        byte[] event = Files.readAllBytes(FixtureCatalog.root().resolve(fixture));
        BothRuntimes.Pair pair = runtimes.invoke(function, InvokeRequest.of(event));
        String context = function + "\n--- log ---\n" + runtimes.logText();
        assertEquals(withoutDates(pair.aws().payloadText()), withoutDates(pair.bridge().payloadText()), context);
        assertEquals(pair.aws().functionError(), pair.bridge().functionError(), context);
        assertEquals(null, pair.bridge().functionError(), pair.bridge().payloadText());
        return pair;
    }

    /** An HTTP Date header (Micronaut adds one) holds the wall-clock second each runtime answered in. */
    private static String withoutDates(String response) {
        return response.replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT", "<date>");
    }

    private static BothRuntimes.Function springContainer() {
        return BothRuntimes.Function.framework("spring-container", FrameworkSamples.function("serverless-java-container"),
                "com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler",
                Map.of("MAIN_CLASS", "example.frameworks.container.PathApplication"));
    }

    private static BothRuntimes.Function micronaut(String name, String handler) {
        return BothRuntimes.Function.framework(name, FrameworkSamples.function("micronaut"), handler, Map.of());
    }

    @Test
    void springBootRestEvent() throws Exception {
        BothRuntimes.Pair pair = assertSame(springContainer(), "apigw_rest_event.json");
        assertTrue(pair.bridge().payloadText().contains("spring-mvc"), pair.bridge().payloadText());
    }

    @Test
    void springBootHttpApiEvent() throws Exception {
        BothRuntimes.Pair pair = assertSame(springContainer(), "apigw_http_event.json");
        assertTrue(pair.bridge().payloadText().contains("spring-mvc"), pair.bridge().payloadText());
    }

    @Test
    void micronautRestEvent() throws Exception {
        BothRuntimes.Pair pair = assertSame(micronaut("micronaut-v1",
                "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction"), "apigw_rest_event.json");
        assertTrue(pair.bridge().payloadText().contains("micronaut"), pair.bridge().payloadText());
    }

    @Test
    void micronautHttpApiEvent() throws Exception {
        BothRuntimes.Pair pair = assertSame(micronaut("micronaut-v2",
                "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction"), "apigw_http_event.json");
        assertTrue(pair.bridge().payloadText().contains("micronaut"), pair.bridge().payloadText());
    }
}
