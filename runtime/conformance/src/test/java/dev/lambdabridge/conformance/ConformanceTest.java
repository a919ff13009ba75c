package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.runtime.serialization.FixtureCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * lambda-bridge against AWS's own Java runtime interface client 2.10.1: the same handlers, the same events,
 * through the same emulator; the response or error body, and whether it is a function error, must be equal.
 */
@Tag("slow")
class ConformanceTest {
    private static BothRuntimes runtimes;

    @BeforeAll
    static void start() {
        Set<String> classes = new LinkedHashSet<>();
        FixtureCatalog.eventEntries().forEach(e -> classes.add(e.eventClass()));
        TestFunction.prepare(classes);
        runtimes = new BothRuntimes();
    }

    @AfterAll
    static void stop() {
        runtimes.close();
    }

    private static BothRuntimes.Pair assertSame(String handler, InvokeRequest request) {
        BothRuntimes.Pair pair = runtimes.invoke(handler, request);
        String context = handler + "\n--- log ---\n" + runtimes.logText();
        assertEquals(pair.aws().payloadText(), pair.bridge().payloadText(), context);
        assertEquals(pair.aws().functionError(), pair.bridge().functionError(), context);
        return pair;
    }

    @Test
    void pojoHandler() {
        BothRuntimes.Pair pair = assertSame("example.conformance.Hello",
                InvokeRequest.of("{\"name\":\"ada\",\"times\":2,\"tags\":[\"x\"],\"unknown\":{\"a\":1}}"));
        assertEquals("{\"greeting\":\"hello ada hello ada\",\"length\":19,\"tags\":[\"x\"]}", pair.bridge().payloadText());
    }

    @Test
    void pojoHandlerByMethodName() {
        assertSame("example.conformance.Hello::handleRequest", InvokeRequest.of("{\"name\":\"bo\",\"tags\":\"single\"}"));
    }

    @Test
    void streamHandler() {
        BothRuntimes.Pair pair = assertSame("example.conformance.StreamEcho",
                InvokeRequest.of("{\"k\": [1, 2.50, \"\\u00e9\"], \"n\": null}"));
        assertEquals("{\"k\": [1, 2.50, \"\\u00e9\"], \"n\": null}", pair.bridge().payloadText());
    }

    /**
     * Where the two runtimes differ, and why. APIGatewayV2CustomAuthorizerEvent is not one of the types AWS's
     * serialization library has mixins for, so both runtimes write it with their plain Jackson; its
     * requestContext.time is a Joda {@code DateTime}. AWS's shaded Jackson 2.15 writes that DateTime's bean
     * internals (chronology, zone, some twenty getters) and succeeds; Jackson 2.23, which this runtime uses,
     * refuses Joda types without the Joda module (unconditionally: there is no feature to turn the check off), so
     * echoing the event back fails with the managed runtime's serialization error. Reading the event, which is
     * what an authorizer does with it, works under both; only returning it unchanged differs.
     */
    private static final java.util.Map<String, String> KNOWN_DIFFERENCES = java.util.Map.of(
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent",
            "Joda DateTime outside AWS's mixins: AWS's Jackson 2.15 writes bean internals, Jackson 2.23 refuses");

    @TestFactory
    Stream<DynamicTest> everyEventFixture() {
        List<FixtureCatalog.Entry> entries = FixtureCatalog.eventEntries();
        assertTrue(entries.size() > 70, "fixture catalog has " + entries.size() + " entries");
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.path() + " as " + entry.eventClass(), () -> {
            byte[] event = Files.readAllBytes(entry.file());
            String handler = TestFunction.echoHandler(entry.eventClass());
            if (KNOWN_DIFFERENCES.containsKey(entry.eventClass())) {
                BothRuntimes.Pair pair = runtimes.invoke(handler, InvokeRequest.of(event));
                assertEquals(null, pair.aws().functionError(), pair.aws().payloadText());
                assertTrue(pair.aws().payloadText().contains("\"chronology\""), pair.aws().payloadText());
                assertEquals("{\"errorMessage\":\"An error occurred during JSON serialization of response\","
                        + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}", pair.bridge().payloadText(),
                        KNOWN_DIFFERENCES.get(entry.eventClass()));
                return;
            }
            assertSame(handler, InvokeRequest.of(event));
        }));
    }

    @Test
    void handlerExceptionWithCause() {
        BothRuntimes.Pair pair = assertSame("example.conformance.Failing", InvokeRequest.of("{\"amount\":\"ten\"}"));
        assertEquals("Unhandled", pair.bridge().functionError());
        assertTrue(pair.bridge().payloadText().contains("\"errorType\":\"java.lang.IllegalArgumentException\""));
        assertTrue(pair.bridge().payloadText().contains("example.conformance.Failing.validate(Failing.java:"));
    }

    @Test
    void handlerExceptionFromAPlainMethod() {
        assertSame("example.conformance.Failing::method", InvokeRequest.of("{\"amount\":\"5\"}"));
    }

    @Test
    void checkedExceptionWithCharactersThatNeedEscaping() {
        assertSame("example.conformance.Failing::unchecked", InvokeRequest.of("{}"));
    }

    @Test
    void eventThatDoesNotFitTheInputType() {
        BothRuntimes.Pair pair = assertSame("example.conformance.Hello", InvokeRequest.of("{\"times\":\"many\"}"));
        assertTrue(pair.bridge().payloadText().contains("An error occurred during JSON parsing"), pair.bridge().payloadText());
    }

    @Test
    void unknownHandlerClass() {
        BothRuntimes.Pair pair = assertSame("example.conformance.DoesNotExist::handleRequest", InvokeRequest.of("{}"));
        assertEquals("{\"errorMessage\":\"Class not found: example.conformance.DoesNotExist\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"}", pair.bridge().payloadText());
    }

    @Test
    void constructorThatThrows() {
        BothRuntimes.Pair pair = assertSame("example.conformance.Broken", InvokeRequest.of("\"x\""));
        assertEquals("{\"errorMessage\":\"missing configuration: TABLE_NAME\","
                + "\"errorType\":\"java.lang.IllegalStateException\"}", pair.bridge().payloadText());
    }

    @Test
    void contextWithIdentityAndClientContext() {
        BothRuntimes.Pair pair = assertSame("example.conformance.ContextReport", InvokeRequest.of("{}")
                .withClientContextJson("{\"client\":{\"app_title\":\"shop\"},\"custom\":{\"tenant\":\"t1\"},\"env\":{}}")
                .withCognitoIdentity("{\"cognitoIdentityId\":\"us-east-1:abc\",\"cognitoIdentityPoolId\":\"us-east-1:pool\"}"));
        String body = pair.bridge().payloadText();
        assertTrue(body.contains("\"identityId\":\"us-east-1:abc\"") && body.contains("\"clientContextCustom\":{\"tenant\":\"t1\"}")
                && body.contains("\"traceIdInSystemProperty\":true") && body.contains("\"remainingPlausible\":true"), body);
    }
}
