package dev.lambdabridge.bridge.polyglot;

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
import dev.lambdabridge.runtime.RuntimeEnvironment;
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
 * JavaScript and Ruby handlers through the emulator and the runtime's real bootstrap, with the polyglot layout
 * next to it: a runtime dist assembled in a temporary directory from {@code runtime/core/target/dist} (its jars),
 * {@code runtime/core/src/main/dist/bootstrap} and this module's {@code target/dist/polyglot}.
 */
@Tag("slow")
class PolyglotEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Map<String, String> MARGIN = Map.of(RuntimeEnvironment.KILL_MARGIN_VARIABLE, "2000");
    private static Emulator emulator;

    @TempDir
    static Path runtime;

    @BeforeAll
    static void hostTheFunctions() throws Exception {
        Path bootstrap = RuntimeDist.assemble(runtime);
        Path functions = Path.of(System.getProperty("lambdabridge.polyglot.testFunctions"));
        Path samples = Path.of(System.getProperty("lambdabridge.polyglot.samples"));
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG::add));
        List<String> command = List.of(bootstrap.toString());
        Duration timeout = Duration.ofSeconds(15);
        for (String[] f : new String[][] {
                {"js-keys", "js:index.handler", "js"}, {"js-counter", "js:counter.handler", "js"},
                {"ruby-keys", "ruby:key_count.handler", "ruby"},
                {"ruby-counter", "ruby:counter.Counter::Handler.call", "ruby"}}) {
            emulator.addFunction(FunctionConfig.of(f[0], f[1], samples.resolve(f[2])).withCommand(command)
                    .withTimeout(timeout).withMemoryMb(1024));
        }
        for (String export : List.of("callback", "sync", "promise", "throws", "rejects", "javaClass", "process",
                "readOutside")) {
            emulator.addFunction(FunctionConfig.of("js-" + export, "js:forms." + export, functions.resolve("js"))
                    .withCommand(command).withTimeout(timeout).withMemoryMb(1024));
        }
        emulator.addFunction(FunctionConfig.of("js-esm", "js:esm.handler", functions.resolve("js"))
                .withCommand(command).withTimeout(timeout).withMemoryMb(1024));
        emulator.addFunction(FunctionConfig.of("js-spin", "js:forms.spin", functions.resolve("js"))
                .withCommand(command).withTimeout(Duration.ofSeconds(6)).withMemoryMb(1024).withEnv(MARGIN));
        emulator.addFunction(FunctionConfig.of("ruby-app", "ruby:lib/app.App::Handler.call", functions.resolve("ruby"))
                .withCommand(command).withTimeout(Duration.ofSeconds(8)).withMemoryMb(1024).withEnv(MARGIN));
        for (String[] f : new String[][] {{"ruby-access", "ruby:access.handler"}, {"ruby-broken", "ruby:broken.handler"},
                {"ruby-no-method", "ruby:access.no_such_method"}, {"ruby-no-class", "ruby:access.NoSuchClass.call"}}) {
            emulator.addFunction(FunctionConfig.of(f[0], f[1], functions.resolve("ruby")).withCommand(command)
                    .withTimeout(timeout).withMemoryMb(1024));
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static InvokeResult invoke(String name, String event) throws Exception {
        return emulator.invoke(name, InvokeRequest.of(event));
    }

    private static JsonNode succeeded(String name, String event) throws Exception {
        InvokeResult result = invoke(name, event);
        assertFalse(result.isFunctionError(), name + " failed: " + result.payloadText() + "\nlog:\n" + log());
        return JSON.readTree(result.payload());
    }

    private static JsonNode failed(String name, String event) throws Exception {
        InvokeResult result = invoke(name, event);
        assertTrue(result.isFunctionError(), name + " should have failed: " + result.payloadText());
        return JSON.readTree(result.payload());
    }

    private static String log() {
        return String.join("\n", LOG);
    }

    @Test
    void jsSampleCountsKeysAndLogsWithTheRequestId() throws Exception {
        InvokeResult result = invoke("js-keys", "{\"a\":1,\"b\":[1,2],\"c\":{\"d\":null}}");
        assertEquals("{\"result\":3}", result.payloadText());
        assertTrue(LOG.stream().anyMatch(line -> line.matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t" + result.requestId() + "\tINFO\tevent has 3 keys")),
                log());
        assertEquals("{\"result\":0}", invoke("js-keys", "{}").payloadText());
    }

    @Test
    void jsModuleStateLastsAcrossInvocations() throws Exception {
        JsonNode first = succeeded("js-counter", "{}");
        JsonNode second = succeeded("js-counter", "{}");
        assertEquals(first.path("invocations").asInt() + 1, second.path("invocations").asInt());
        assertEquals(first.path("startedAt"), second.path("startedAt"));
    }

    @Test
    void jsHandlerForms() throws Exception {
        JsonNode callback = succeeded("js-callback", "{\"x\":1,\"y\":2}");
        assertEquals("callback", callback.path("form").asText());
        assertEquals(2, callback.path("keys").asInt());
        InvokeResult sync = invoke("js-sync", "{}");
        JsonNode context = JSON.readTree(sync.payload());
        assertTrue(context.path("remaining").asBoolean(), context.toString());
        assertEquals("js-sync", context.path("name").asText());
        assertEquals("1024", context.path("memory").asText());
        assertEquals(sync.requestId(), context.path("id").asText());
        assertEquals("{\"form\":\"promise\",\"event\":{\"n\":[1,\"two\",null]}}",
                invoke("js-promise", "{\"n\":[1,\"two\",null]}").payloadText());
        JsonNode esm = succeeded("js-esm", "{\"a\":1}");
        assertEquals("esm", esm.path("form").asText());
        assertEquals(1, esm.path("keys").asInt());
    }

    @Test
    void jsErrorsAreReportedAsNodeReportsThem() throws Exception {
        JsonNode thrown = failed("js-throws", "{\"what\":\"input\"}");
        assertEquals("TypeError", thrown.path("errorType").asText(), thrown.toString());
        assertEquals("bad input", thrown.path("errorMessage").asText());
        // the stack lines under "trace", the key of AWS's Node.js runtime
        assertEquals("TypeError: bad input", thrown.path("trace").get(0).asText(), thrown.toString());
        assertTrue(thrown.path("trace").toString().contains("forms.js"), thrown.toString());
        assertTrue(thrown.path("stackTrace").isMissingNode(), thrown.toString());
        JsonNode rejected = failed("js-rejects", "{}");
        assertEquals("RangeError", rejected.path("errorType").asText(), rejected.toString());
        assertEquals("rejected on purpose", rejected.path("errorMessage").asText());
    }

    @Test
    void jsHostAccessIsClosed() throws Exception {
        JsonNode javaClass = failed("js-javaClass", "{}");
        assertEquals("TypeError", javaClass.path("errorType").asText(), javaClass.toString());
        assertTrue(javaClass.path("errorMessage").asText().contains("java.lang.System"), javaClass.toString());
        JsonNode process = failed("js-process", "{}");
        assertTrue(process.path("errorMessage").asText().contains("java.lang.ProcessBuilder"), process.toString());
        JsonNode outside = failed("js-readOutside", "{}");
        assertTrue(outside.toString().contains("not allowed"), outside.toString());
    }

    @Test
    void jsTimeoutCancelsTheContextAndTheNextInvocationGetsAFreshOne() throws Exception {
        InvokeResult warm = invoke("js-spin", "{}");
        assertFalse(warm.isFunctionError(), warm.payloadText());
        InvokeResult spun = invoke("js-spin", "{\"spin\":true}");
        JsonNode error = JSON.readTree(spun.payload());
        assertEquals("Polyglot.Timeout", error.path("errorType").asText(), error + "\n" + log());
        assertTrue(error.path("errorMessage").asText().contains("cancelled"), error.toString());
        InvokeResult next = invoke("js-spin", "{}");
        assertFalse(next.isFunctionError(), next.payloadText() + "\n" + log());
        assertEquals(warm.pid(), next.pid(), "the same runtime process serves the next invocation");
        assertEquals(1, JSON.readTree(next.payload()).path("calls").asInt(), "a fresh context: state starts over");
    }

    @Test
    void rubySamplesCountKeysAndKeepState() throws Exception {
        assertEquals("{\"result\":3}", invoke("ruby-keys", "{\"a\":1,\"b\":[1,2],\"c\":{\"d\":null}}").payloadText());
        assertTrue(LOG.contains("event has 3 keys"), log());
        JsonNode first = succeeded("ruby-counter", "{}");
        JsonNode second = succeeded("ruby-counter", "{}");
        assertEquals(first.path("invocations").asInt() + 1, second.path("invocations").asInt());
    }

    @Test
    void rubyClassMethodHandlerErrorsHostAccessAndTimeout() throws Exception {
        InvokeResult ok = invoke("ruby-app", "{\"k\":1}");
        JsonNode reply = JSON.readTree(ok.payload());
        assertFalse(ok.isFunctionError(), ok.payloadText() + "\n" + log());
        assertEquals("ruby-app", reply.path("name").asText());
        assertTrue(reply.path("remaining").asBoolean(), reply.toString());
        assertEquals("{\"a\":1}", reply.path("json").asText());
        assertTrue(LOG.contains("call 1 for " + ok.requestId()), log());

        JsonNode raised = failed("ruby-app", "{\"action\":\"raise\",\"what\":\"input\"}");
        assertEquals("Function<ArgumentError>", raised.path("errorType").asText(), raised.toString());
        assertEquals("bad input", raised.path("errorMessage").asText());
        assertTrue(raised.path("stackTrace").get(0).asText().contains("lib/app.rb:10"), raised.toString());

        for (String action : List.of("spawn", "java")) {
            JsonNode refused = failed("ruby-app", "{\"action\":\"" + action + "\"}");
            assertTrue(refused.path("errorMessage").asText().contains("not allowed"), action + ": " + refused);
        }
        assertEquals(42, succeeded("ruby-app", "{\"action\":\"thread\"}").path("value").asInt(), "Thread.new");
        // one call, three failed ones, a thread, this one: state is kept across invocations, failed ones included
        assertEquals(6, succeeded("ruby-app", "{}").path("calls").asInt(), "state kept across invocations");

        InvokeResult spun = invoke("ruby-app", "{\"action\":\"spin\"}");
        assertEquals("Polyglot.Timeout", JSON.readTree(spun.payload()).path("errorType").asText(), spun.payloadText());
        InvokeResult next = invoke("ruby-app", "{}");
        assertFalse(next.isFunctionError(), next.payloadText() + "\n" + log());
        assertEquals(ok.pid(), next.pid(), "the same runtime process serves the next invocation");
        assertEquals(1, JSON.readTree(next.payload()).path("calls").asInt(), "a fresh context: state starts over");
    }

    @Test
    void rubyDefaultSandboxHasFilesThreadsAndSocketsButNoProcessesOrJava() throws Exception {
        JsonNode reply = succeeded("ruby-access", "{}");
        assertTrue(reply.path("own_source").asBoolean(), reply.toString());
        assertTrue(reply.path("task_root").asBoolean(), reply.toString());
        assertEquals("written in /tmp", reply.path("tmp").asText(), reply.toString());
        assertEquals("[\"a.txt\",\"b.txt\"]", reply.path("listed").toString());
        assertEquals("temp", reply.path("tempfile").asText());
        assertEquals(42, reply.path("thread").asInt());
        assertEquals("hello", reply.path("http").asText(), "Net::HTTP to a socket server on a thread");
        assertTrue(reply.path("removed").asBoolean(), reply.toString());
        for (String action : List.of("spawn", "system", "java")) {
            JsonNode refused = failed("ruby-access", "{\"action\":\"" + action + "\"}");
            assertTrue(refused.path("errorMessage").asText().contains("not allowed"), action + ": " + refused);
        }
        assertEquals("Function<SecurityError>", failed("ruby-access", "{\"action\":\"spawn\"}").path("errorType").asText());
    }

    @Test
    void rubyErrorsAreReportedAsAwsRubyRuntimeReportsThem() throws Exception {
        JsonNode init = failed("ruby-broken", "{}");
        assertEquals("Init<LoadError>", init.path("errorType").asText(), init.toString());
        assertTrue(init.path("errorMessage").asText().contains("a_gem_that_is_not_there"), init.toString());
        assertTrue(init.path("stackTrace").toString().contains("broken.rb:5"), init.toString());
        assertTrue(init.path("stackTrace").toString().contains("broken.rb:8"), init.toString());

        JsonNode undefined = failed("ruby-access", "{\"action\":\"missing\"}");
        assertEquals("Function<NameError>", undefined.path("errorType").asText(), undefined.toString());
        assertTrue(undefined.path("stackTrace").get(0).asText().contains("access.rb:13"), undefined.toString());

        JsonNode noMethod = failed("ruby-no-method", "{}");
        assertEquals("Function<NoMethodError>", noMethod.path("errorType").asText(), noMethod.toString());
        assertTrue(noMethod.path("errorMessage").asText().contains("no_such_method"), noMethod.toString());
        JsonNode noClass = failed("ruby-no-class", "{}");
        assertEquals("Function<NameError>", noClass.path("errorType").asText(), noClass.toString());
        assertTrue(noClass.path("errorMessage").asText().contains("NoSuchClass"), noClass.toString());
    }
}
