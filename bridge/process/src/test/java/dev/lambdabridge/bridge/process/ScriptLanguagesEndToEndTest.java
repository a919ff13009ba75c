package dev.lambdabridge.bridge.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.emulator.LogType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real python3 and node programs through the emulator and the Java bootstrap, in both modes, as
 * {@link BridgeEndToEndTest} runs php, ruby and Go: {@code exec:python3 echo.py {event}}, {@code exec:node echo.js}
 * (the event on stdin), and workers through the shims, {@code worker:python3 shim_worker.py} and
 * {@code worker:node shim_worker.js} (an ordinary Lambda module). The interpreters are the first {@code python3} and
 * {@code node} on the test's {@code PATH}, which the bridge searches as it does on Lambda. After every failure the
 * next invocation succeeds on the same runtime and no process is left: an {@code exec:} runtime has no descendants
 * between invocations, a {@code worker:} runtime exactly its worker; after the emulator closed, none of them.
 */
@Tag("slow")
class ScriptLanguagesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BridgeEndToEndTest.BoundedLog LOG = new BridgeEndToEndTest.BoundedLog();
    private static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();
    private static final Path EVENTS = Path.of(System.getProperty("lambdabridge.sampleEvents",
            "../../samples/scripts/events"));

    @TempDir
    static Path temp;
    private static Emulator emulator;

    @BeforeAll
    static void hostTheFunctions() throws Exception {
        Path bootstrap = BridgeEndToEndTest.assembleDist(temp.resolve("dist"));
        Path code = Files.createDirectories(temp.resolve("code"));
        for (String program : List.of("echo.py", "echo.js")) {
            Files.copy(Fixtures.PROGRAMS.resolve(program), code.resolve(program));
        }
        Path workers = Fixtures.WORKERS.resolveSibling("shim-workers");
        for (String worker : List.of("shim_worker.py", "shim_worker.js", "plain_module.py")) {
            Files.copy(workers.resolve(worker), code.resolve(worker));
        }
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG));
        // a UTF-8 locale: the runtime's JVM encodes {event} arguments with it (see BridgeEndToEndTest)
        Map<String, String> utf8 = Map.of("LANG", "C.UTF-8");
        // each with a "-short" twin for the hangs: 3 s instead of 10 (a cold start under load takes seconds)
        for (String suffix : List.of("", "-short")) {
            Duration timeout = Duration.ofSeconds(suffix.isEmpty() ? 10 : 3);
            add(FunctionConfig.of("exec-python" + suffix, "exec:python3 echo.py {event}", code).withEnv(utf8), timeout);
            add(FunctionConfig.of("exec-node" + suffix, "exec:node echo.js", code), timeout);
            add(FunctionConfig.of("worker-python" + suffix, "worker:python3 shim_worker.py", code), timeout);
            add(FunctionConfig.of("worker-node" + suffix, "worker:node shim_worker.js", code), timeout);
        }
        add(FunctionConfig.of("worker-python-module", "worker:python3 -m lambda_bridge plain_module.handler", code),
                Duration.ofSeconds(10));
    }

    private static void add(FunctionConfig config, Duration timeout) {
        emulator.addFunction(config.withTimeout(timeout)
                .withCommand(List.of(temp.resolve("dist/bootstrap").toString())));
    }

    @AfterAll
    static void closeLeavesNoProcess() throws Exception {
        if (emulator == null) {
            return;
        }
        emulator.close();
        long until = System.currentTimeMillis() + 5_000;
        List<Long> alive = alive();
        while (!alive.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
            alive = alive();
        }
        assertEquals(List.of(), alive, "processes left after the emulator closed");
    }

    private static List<Long> alive() {
        return SEEN.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    }

    // ---- invoking ----

    private static InvokeResult invoke(String function, byte[] event) {
        InvokeResult result = emulator.invoke(function, InvokeRequest.of(event).withLogType(LogType.TAIL));
        SEEN.add(result.pid());
        return result;
    }

    private static InvokeResult invoke(String function, String event) {
        return invoke(function, event.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(String function, String event) throws IOException {
        InvokeResult result = invoke(function, event);
        assertFalse(result.isFunctionError(), function + " failed: " + result.payloadText() + "\nlog:\n" + LOG.text());
        return JSON.readTree(result.payload());
    }

    private static JsonNode failed(String function, String event, String errorType) throws IOException {
        InvokeResult result = invoke(function, event);
        assertTrue(result.isFunctionError(), function + " succeeded: " + result.payloadText());
        JsonNode error = JSON.readTree(result.payload());
        assertEquals(errorType, error.path("errorType").asText(), result.payloadText() + "\nlog:\n" + LOG.text());
        return error;
    }

    private static List<Long> descendants(long runtimePid) {
        return ProcessHandle.of(runtimePid).map(runtime -> runtime.descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    private static String exec(String language) {
        return "exec-" + language;
    }

    private static String worker(String language) {
        return "worker-" + language;
    }

    /** The next invocation succeeds on the same runtime, and an exec: runtime has no child left. */
    private static void execRecovers(String function, long runtime) throws Exception {
        InvokeResult result = invoke(function, "{\"next\":true}");
        assertFalse(result.isFunctionError(), result.payloadText());
        assertEquals("{\"next\":true}", result.payloadText());
        assertEquals(runtime, result.pid(), function + ": the same runtime serves the next invocation");
        assertEquals(List.of(), descendants(result.pid()), function + ": processes left behind");
    }

    private static long runtimePid(String function) {
        return invoke(function, "{\"warm\":1}").pid();
    }

    /** The worker's pid, checked to be the runtime's only descendant. */
    private static long workerPid(String function) throws IOException {
        InvokeResult result = invoke(function, "{\"mode\":\"pid\"}");
        assertFalse(result.isFunctionError(), result.payloadText());
        long pid = JSON.readTree(result.payload()).path("pid").asLong();
        SEEN.add(pid);
        assertEquals(List.of(pid), descendants(result.pid()), function + ": the worker is the runtime's only child");
        return pid;
    }

    /** The next invocation succeeds on the same runtime, on a worker that is its only descendant. */
    private static long workerRecovers(String function, long runtime) throws IOException {
        InvokeResult next = invoke(function, "{\"next\":true}");
        assertFalse(next.isFunctionError(), function + ": " + next.payloadText() + "\nlog:\n" + LOG.text());
        assertEquals(JSON.readTree("{\"next\":true}"), JSON.readTree(next.payload()), function);
        assertEquals(runtime, next.pid(), function + ": the same runtime serves the next invocation");
        return workerPid(function);
    }

    private static List<byte[]> hostileEvents() throws IOException {
        List<byte[]> events = new ArrayList<>();
        events.add(Fixtures.HOSTILE_EVENT.getBytes(StandardCharsets.UTF_8));
        events.add(Files.readAllBytes(EVENTS.resolve("unicode.json")));
        events.add(Files.readAllBytes(EVENTS.resolve("shell-metacharacters.json")));
        return events;
    }

    // ---- both modes, both languages ----

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void hostileEventsArriveByteForByte(String language) throws Exception {
        for (byte[] event : hostileEvents()) {
            String shown = new String(event, StandardCharsets.UTF_8);
            assertArrayEquals(event, invoke(exec(language), event).payload(), exec(language) + ": " + shown);
            // the shim decodes the event and encodes what the handler returns: the same JSON, every string the same
            // bytes (the handler returns the event it got)
            InvokeResult echoed = invoke(worker(language), event);
            assertFalse(echoed.isFunctionError(), echoed.payloadText());
            assertEquals(JSON.readTree(event), JSON.readTree(echoed.payload()), worker(language) + ": " + shown);
            assertTrue(echoed.logTail().contains(echoed.requestId() + "\t" + language + " worker: echo for "
                    + echoed.requestId()), worker(language) + " logs: " + echoed.logTail());
        }
        long runtime = runtimePid(exec(language));
        execRecovers(exec(language), runtime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void aCrashAndAnExitWithStderrAreReportedAndTheNextInvocationWorks(String language) throws Exception {
        long runtime = runtimePid(exec(language));
        JsonNode error = failed(exec(language), "{\"mode\":\"crash\"}", "Process.ExitError");
        String program = language.equals("python") ? "python3 echo.py {event}" : "node echo.js";
        assertEquals("\"" + program + "\" exited with status 5; the last lines of its stderr:\n" + language
                + ": something broke\n" + language + ": giving up", error.path("errorMessage").asText());
        execRecovers(exec(language), runtime);

        String function = worker(language);
        long workerRuntime = runtimePid(function);
        long before = workerPid(function);
        error = failed(function, "{\"mode\":\"crash\"}", "Worker.Exited");
        assertTrue(error.path("errorMessage").asText().contains("killed by signal 9")
                || error.path("errorMessage").asText().contains("SIGKILL"), error.toString());
        assertTrue(error.path("errorMessage").asText().endsWith(language + " worker: crashing"), error.toString());
        long afterCrash = workerRecovers(function, workerRuntime);
        assertNotEquals(before, afterCrash);

        InvokeResult exit = invoke(function, "{\"mode\":\"exit\"}");
        assertTrue(exit.isFunctionError(), exit.payloadText());
        error = JSON.readTree(exit.payload());
        assertEquals("Runtime.ExitError", error.path("errorType").asText(), exit.payloadText());
        assertTrue(error.path("errorMessage").asText().contains(exit.requestId()), error.toString());
        assertTrue(exit.logTail().contains(exit.requestId() + "\t" + language + " worker: giving up"), exit.logTail());
        assertNotEquals(afterCrash, workerRecovers(function, workerRuntime), "a new worker after the exit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void aHangIsKilledWithItsChildBeforeTheDeadlineAndTheRuntimeSurvives(String language) throws Exception {
        String exec = exec(language) + "-short";
        long runtime = runtimePid(exec);
        JsonNode error = failed(exec, "{\"mode\":\"hang\"}", "Process.Timeout");
        assertTrue(error.path("errorMessage").asText().contains("did not finish before the deadline"), error.toString());
        execRecovers(exec, runtime);

        String function = worker(language) + "-short";
        long workerRuntime = runtimePid(function);
        long before = workerPid(function);
        failed(function, "{\"mode\":\"hang\"}", "Worker.Timeout");
        assertEquals(List.of(), descendants(workerRuntime), "the worker and its child are gone");
        assertNotEquals(before, workerRecovers(function, workerRuntime));
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void tenMegabytesOnStdout(String language) throws Exception {
        long runtime = runtimePid(exec(language));
        failed(exec(language), "{\"mode\":\"bigout\"}", "Process.ResponseTooLarge");
        execRecovers(exec(language), runtime);

        // a worker's stdout is its log: every line logged, the invocation answers
        String function = worker(language);
        long workerRuntime = runtimePid(function);
        long before = LOG.lines();
        assertEquals(10 * 1024, ok(function, "{\"mode\":\"bigout\"}").path("printed").asInt());
        awaitLines(before, 10 * 1024);
        workerRecovers(function, workerRuntime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void fiftyMegabytesOnStderrComplete(String language) throws Exception {
        for (String function : List.of(exec(language), worker(language))) {
            long runtime = runtimePid(function);
            long before = LOG.lines();
            assertTrue(ok(function, "{\"mode\":\"bigerr\"}").path("flooded").asBoolean(), function);
            awaitLines(before, 50 * 1024);
            if (function.startsWith("exec")) {
                execRecovers(function, runtime);
            } else {
                workerRecovers(function, runtime);
            }
        }
    }

    private static void awaitLines(long before, long expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (LOG.lines() - before < expected && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(LOG.lines() - before >= expected, "every line logged: " + (LOG.lines() - before));
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node"})
    void aWorkerKilledBetweenInvocationsIsReplaced(String language) throws Exception {
        String function = worker(language);
        long runtime = runtimePid(function);
        long first = workerPid(function);
        ProcessHandle handle = ProcessHandle.of(first).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(5, TimeUnit.SECONDS);
        assertNotEquals(first, workerRecovers(function, runtime));
    }

    @Test
    void anUnmodifiedPythonModuleIsServedWithDashM() throws Exception {
        InvokeResult result = invoke("worker-python-module", "{\"a\":1,\"b\":2}");
        assertFalse(result.isFunctionError(), result.payloadText() + "\nlog:\n" + LOG.text());
        JsonNode answer = JSON.readTree(result.payload());
        assertEquals(2, answer.path("keys").asInt());
        assertEquals("plain_module", answer.path("module").asText(), "imported as a module, as on Lambda");
        assertEquals(result.requestId(), answer.path("requestId").asText());
    }
}
