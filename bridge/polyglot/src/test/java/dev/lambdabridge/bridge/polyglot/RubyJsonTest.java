package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Ruby bridge's own JSON paths (RubyEvent + bridge.rb's build_event, and its writer) give what
 * {@code JSON.parse} and {@code to_json} give, in a handler created in this JVM as the runtime creates it.
 */
@Tag("slow")
class RubyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RuntimeEnvironment environment;
    private static RuntimeLogger logger;
    private static InvocationHandler handler;

    @BeforeAll
    static void load() throws Exception {
        Path code = Path.of(System.getProperty("lambdabridge.polyglot.testFunctions")).resolve("ruby");
        environment = RuntimeEnvironment.from(Map.of("_HANDLER", "ruby:echo.handler",
                "LAMBDA_TASK_ROOT", code.toString(), "AWS_LAMBDA_FUNCTION_NAME", "echo"));
        logger = new RuntimeLogger(OutputStream.nullOutputStream(), "TEXT", null);
        handler = new RubyHandlerFactory().create("echo.handler", environment, logger);
    }

    @AfterAll
    static void close() {
        if (handler != null) {
            handler.close();
        }
    }

    private static String call(String event) throws Exception {
        return call(new Invocation("id-1", System.currentTimeMillis() + 60_000, "arn", null, null, null,
                event.getBytes(StandardCharsets.UTF_8)));
    }

    private static String call(Invocation invocation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handle(invocation, new LambdaContext(invocation, environment, logger), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shapes() {
        RubyEvent event = RubyEvent.parse("{\"a\":[1,2.5,\"x\",true,false,null],\"b\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{k[ifstFn]k{}}", event.shape());
        assertEquals("[a, 1, 2.5, x, b]", Arrays.toString(event.values()));
        assertEquals("I", RubyEvent.parse("123456789012345678901234567890".getBytes(StandardCharsets.UTF_8)).shape());
        assertNull(RubyEvent.parse("{\"a\":1".getBytes(StandardCharsets.UTF_8)), "truncated");
        assertNull(RubyEvent.parse("1 2".getBytes(StandardCharsets.UTF_8)), "two values");
        assertNull(RubyEvent.parse("".getBytes(StandardCharsets.UTF_8)), "nothing");
    }

    @Test
    void eventsRoundTripAsJsonParseMakesThem() throws Exception {
        for (String event : new String[] {"{}", "[]", "null", "true", "0", "-0.0", "\"text\"", "12345678901234567890123",
                "{\"a\":{\"b\":[1,[2,[3,{}]]]},\"u\":\"h\\u00e9\\u20ac\\ud83d\\ude00\",\"e\":\"q\\\"b\\\\s\\n\\u0001\"}",
                "{\"f\":1.0E300,\"g\":-2.5e-3,\"n\":null,\"dup\":1,\"dup\":2}"}) {
            assertEquals(JSON.readTree(event), JSON.readTree(call(event)), event);
        }
    }

    /** A shape's second event gets a builder of its own (compile_builder): the same Hash as build_event's. */
    @Test
    void eventsOfARepeatedShapeRoundTripThroughTheirBuilder() throws Exception {
        // pairs of events with one shape and different values: the builder takes each event's own values
        String[][] pairs = {{"{}", "{}"}, {"[]", "[]"}, {"null", "null"}, {"\"text\"", "\"other\""},
                {"12345678901234567890123", "-98765432109876543210"}, {"[[],[{}],{\"a\":[]}]", "[[],[{}],{\"z\":[]}]"},
                {"{\"a\":{\"b\":[1,[2,[3,{}]]]},\"u\":\"h\\u00e9\\ud83d\\ude00\",\"e\":\"q\\\"b\\\\s\\n\\u0001\"}",
                        "{\"A\":{\"B\":[7,[8,[9,{}]]]},\"U\":\"x\",\"E\":\"\"}"},
                {"{\"f\":1.0E300,\"g\":-2.5e-3,\"n\":null,\"t\":true,\"F\":false,\"dup\":1,\"dup\":2}",
                        "{\"f\":0.5,\"g\":2.0,\"n\":null,\"t\":true,\"F\":false,\"x\":-1,\"y\":9007199254740993}"},
                {"{\"k\":\"#{`id`} ' \\\" => nil } ; exit\",\"#{1}\":\"v\"}", "{\"k\":\"}\",\"]\":\"[\"}"}};
        for (int round = 1; round <= 3; round++) {
            for (String[] pair : pairs) {
                for (String event : pair) {
                    assertEquals(JSON.readTree(event), JSON.readTree(call(event)), "round " + round + ": " + event);
                }
            }
        }
        // more layouts than a context keeps builders for (RubyHandler.MAX_BUILDERS): the rest use build_event
        for (int round = 1; round <= 2; round++) {
            for (int i = 0; i < RubyHandler.MAX_BUILDERS + 10; i++) {
                String event = "{\"key" + i + "\":[" + i + ",\"v" + i + "\"],\"round\":" + round + "}";
                assertEquals(JSON.readTree(event), JSON.readTree(call(event)), event);
            }
        }
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(70)).append("]".repeat(70)); // deeper than a builder goes: build_event's loop
        for (int round = 1; round <= 3; round++) {
            assertEquals(JSON.readTree(deep.toString()), JSON.readTree(call(deep.toString())), "deep, round " + round);
        }
    }

    @Test
    void eventValuesAreRubyOwn() throws Exception {
        String raw = "{\"probe\":true,\"s\":\"h\\u00e9\",\"i\":1,\"big\":123456789012345678901234567890,\"f\":0.5,"
                + "\"n\":null,\"a\":[]}";
        // three times: build_event's loop, then the shape's builder (compile_builder) twice
        for (int round = 1; round <= 3; round++) {
            JsonNode seen = JSON.readTree(call(raw.replace("}", ",\"raw\":" + JSON.writeValueAsString(raw) + "}")));
            assertEquals("hé!", seen.path("string").asText(), "a mutable string, round " + round);
            assertEquals("UTF-8", seen.path("encoding").asText());
            assertTrue(seen.path("keyFrozen").asBoolean(), "round " + round);
            assertEquals("[\"TrueClass\",\"String\",\"Integer\",\"Integer\",\"Float\",\"NilClass\",\"Array\","
                    + "\"String\"]", seen.path("classes").toString(), "round " + round);
            assertTrue(seen.path("sameAsParse").asBoolean(), seen.toString());
        }
    }

    @Test
    void resultsAreWrittenAsToJsonWritesThem() throws Exception {
        assertEquals("{\"sym\":\"value\",\"float\":1.5,\"big\":1180591620717411303424,\"nil\":null,\"t\":true,"
                + "\"f\":false,\"esc\":\"a\\\"b\\\\c\\n\\u0001é\",\"nested\":[[{\"x\":[]}],{}],\"3\":\"int key\","
                + "\"struct\":\"#<struct a=1>\"}", call("\"writer\""));
    }

    /** A library required during an invocation that redefines to_json is used from then on, as to_json would be. */
    @Test
    void aRedefinedToJsonIsNoticedAfterARequire() throws Exception {
        Path code = Path.of(System.getProperty("lambdabridge.polyglot.testFunctions")).resolve("ruby");
        RuntimeEnvironment own = RuntimeEnvironment.from(Map.of("_HANDLER", "ruby:redefine.handler",
                "LAMBDA_TASK_ROOT", code.toString(), "AWS_LAMBDA_FUNCTION_NAME", "redefine"));
        try (InvocationHandler redefine = new RubyHandlerFactory().create("redefine.handler", own, logger)) {
            java.util.function.Function<String, String> call = event -> {
                Invocation invocation = new Invocation("id", System.currentTimeMillis() + 60_000, "arn", null, null,
                        null, event.getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    redefine.handle(invocation, new LambdaContext(invocation, own, logger), out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return out.toString(StandardCharsets.UTF_8);
            };
            for (int i = 0; i < 3; i++) {
                assertEquals("{\"word\":\"quiet\"}", call.apply("\"calm\""), "the bridge's writer, call " + i);
            }
            assertTrue(call.apply("\"shout\"").contains("\"QUIET\""), "the redefined to_json, in the same invocation");
            assertTrue(call.apply("\"calm\"").contains("\"QUIET\""), "and in the next ones");
        }
    }

    /** The context as the Ruby runtime gives it, with and without a Cognito identity and a client context. */
    @Test
    void theContextCarriesIdentityAndClientContextWhenLambdaSendsThem() throws Exception {
        for (int round = 1; round <= 2; round++) { // build_event, then the layout's builder
            Invocation with = new Invocation("id-" + round, System.currentTimeMillis() + 60_000, "arn:x", null,
                    "{\"client\":{\"app_title\":\"t\"},\"custom\":{\"k\":1}}",
                    "{\"cognitoIdentityId\":\"us-east-1:abc\",\"cognitoIdentityPoolId\":\"pool\"}",
                    "\"context\"".getBytes(StandardCharsets.UTF_8));
            JsonNode seen = JSON.readTree(call(with));
            assertEquals("id-" + round, seen.path("id").asText());
            assertEquals("arn:x", seen.path("arn").asText());
            assertEquals("[\"String\",\"String\",\"String\"]", seen.path("classes").toString());
            assertEquals("us-east-1:abc", seen.path("identity").path("cognitoIdentityId").asText(), seen.toString());
            assertEquals("t", seen.path("clientContext").path("client").path("app_title").asText(), seen.toString());

            JsonNode without = JSON.readTree(call("\"context\""));
            assertTrue(without.path("identity").isNull(), without.toString());
            assertTrue(without.path("clientContext").isNull(), without.toString());
            assertEquals(String.valueOf(environment.memoryLimitMb()), without.path("memory").asText());
        }
        Invocation empty = new Invocation("id-e", System.currentTimeMillis() + 60_000, "arn:x", null, "", "",
                "\"context\"".getBytes(StandardCharsets.UTF_8));
        assertTrue(JSON.readTree(call(empty)).path("identity").isNull(), "an empty header is no identity");
    }

    @Test
    void anEventThatIsNotJsonFailsAsJsonParseFails() {
        GuestError error = assertThrows(GuestError.class, () -> call("{\"a\":"));
        assertTrue(error.errorType().startsWith("Function<JSON::ParserError"), error.errorType());
    }
}
