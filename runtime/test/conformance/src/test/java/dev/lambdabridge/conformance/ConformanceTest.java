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

    @TestFactory
    Stream<DynamicTest> everyEventFixture() {
        List<FixtureCatalog.Entry> entries = FixtureCatalog.eventEntries();
        assertTrue(entries.size() > 70, "fixture catalog has " + entries.size() + " entries");
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.path() + " as " + entry.eventClass(), () -> {
            byte[] event = Files.readAllBytes(entry.file());
            if (entry.eventClass().endsWith(".APIGatewayV2CustomAuthorizerEvent")) {
                assertSameJson(TestFunction.echoHandler(entry.eventClass()), InvokeRequest.of(event));
                return;
            }
            assertSame(TestFunction.echoHandler(entry.eventClass()), InvokeRequest.of(event));
        }));
    }

    /**
     * The same JSON, its objects' members in any order: a Joda DateTime written as a bean (below) has its getters
     * in the order the JVM lists a class's methods, which HotSpot does not keep from one process to the next (it
     * sorts them by where their names' symbols happen to be), so "zone" and "chronology" swap between runs of
     * either runtime.
     */
    private static BothRuntimes.Pair assertSameJson(String handler, InvokeRequest request) {
        BothRuntimes.Pair pair = runtimes.invoke(handler, request);
        String context = handler + "\n--- log ---\n" + runtimes.logText();
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertEquals(json.readTree(pair.aws().payload()), json.readTree(pair.bridge().payload()),
                    () -> context + "\n--- AWS ---\n" + pair.aws().payloadText() + "\n--- ours ---\n"
                            + pair.bridge().payloadText());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + pair.bridge().payloadText() + " / " + pair.aws().payloadText(), e);
        }
        assertEquals(pair.aws().functionError(), pair.bridge().functionError(), context);
        return pair;
    }

    /**
     * APIGatewayV2CustomAuthorizerEvent has no mixin in AWS's library: both runtimes write it with plain Jackson,
     * and its requestContext.time, a Joda DateTime, comes back as the bean AWS's shaded Jackson writes.
     */
    @Test
    void jodaDateTimeInAResponse() throws Exception {
        FixtureCatalog.Entry entry = FixtureCatalog.eventEntries().stream()
                .filter(e -> e.eventClass().endsWith(".APIGatewayV2CustomAuthorizerEvent")).findFirst().orElseThrow();
        BothRuntimes.Pair pair = assertSameJson(TestFunction.echoHandler(entry.eventClass()),
                InvokeRequest.of(Files.readAllBytes(entry.file())));
        var time = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pair.bridge().payload())
                .path("requestContext").path("time");
        assertTrue(time.path("millis").asLong() == 1584039838000L && time.path("year").asInt() == 2020
                && "UTC".equals(time.path("chronology").path("zone").path("ID").asText()), pair.bridge().payloadText());
    }

    /** What the managed runtime's class path gives the function without bundling it, from the same jars. */
    @Test
    void managedRuntimeLibrariesAreVisible() {
        BothRuntimes.Pair pair = assertSame("example.conformance.ManagedLibraries", InvokeRequest.of("{\"classes\":["
                + "\"com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers\","
                + "\"com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory\","
                + "\"com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper\","
                + "\"com.amazonaws.lambda.thirdparty.org.joda.time.DateTime\","
                + "\"software.amazon.awssdk.utilslite.SdkInternalThreadLocal\","
                + "\"com.amazonaws.services.lambda.runtime.RequestHandler\","
                + "\"com.fasterxml.jackson.databind.ObjectMapper\"]}"));
        String body = pair.bridge().payloadText();
        assertTrue(body.contains("\"com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers\":"
                + "\"aws-lambda-java-serialization-1.2.0.jar\"") && body.contains("\"utils-lite-2.34.0.jar\"")
                && body.contains("\"com.fasterxml.jackson.databind.ObjectMapper\":\"not visible"), body);
    }

    /** One loop: the trace id in the system property, as AWS's client 2.10.1 sets it, and nowhere else. */
    @Test
    void traceIdWithOneLoop() {
        BothRuntimes.Pair pair = assertSame("example.conformance.TraceReport", InvokeRequest.of("{}"));
        assertTrue(pair.bridge().payloadText().contains("\"inSystemProperty\":\"this invocation's\""),
                pair.bridge().payloadText());
    }

    /** Several loops: the trace id in the AWS SDK's thread-local, where the SDK, X-Ray and Powertools read it. */
    @Test
    void traceIdWithSeveralLoops() {
        BothRuntimes.Pair pair = runtimes.invokeConcurrent("example.conformance.TraceReport", InvokeRequest.of("{}"), 4);
        String context = runtimes.logText();
        assertEquals(pair.aws().payloadText(), pair.bridge().payloadText(), context);
        assertTrue(pair.bridge().payloadText().contains("\"inSdkThreadLocal\":\"this invocation's\""),
                pair.bridge().payloadText());
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
