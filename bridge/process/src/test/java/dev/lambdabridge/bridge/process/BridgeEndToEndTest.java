package dev.lambdabridge.bridge.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.emulator.LogType;
import dev.lambdabridge.childprocess.ProcessTree;
import org.apache.commons.exec.StreamPumper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real php, ruby and Go programs through the emulator and the Java bootstrap, in both modes: a runtime dist is
 * assembled in a temporary directory (runtime/core's bootstrap and jars, this module's classes packed into a
 * jar, commons-exec, the shims) and each function runs on it as on Lambda. After every failure the next
 * invocation succeeds on the same runtime, and no process is left: an {@code exec:} runtime has no descendants
 * between invocations, a {@code worker:} runtime exactly its worker; after the emulator closed, none of them.
 */
@Tag("slow")
class BridgeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BoundedLog LOG = new BoundedLog();
    /** Every process seen: runtimes, workers; all must be gone after close. */
    private static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();
    private static final String ASCII_HOSTILE = "{\"text\": \"'; rm -rf / # $(id) `id` \\\"double\\\" 'single' "
            + "| & ; < > * \\\\ ${HOME}\"}";
    private static final Path SHIMS = Path.of(System.getProperty("lambdabridge.shims", "shims"));

    @TempDir
    static Path temp;
    private static Emulator emulator;
    private static boolean shims;

    /** The emulator's log, bounded: a flood of 50 MB must not fill the test's memory. */
    static final class BoundedLog implements Consumer<String> {
        private final Deque<String> last = new ArrayDeque<>();
        private long lines;

        @Override
        public synchronized void accept(String line) {
            lines++;
            last.addLast(line);
            if (last.size() > 400) {
                last.removeFirst();
            }
        }

        synchronized long lines() {
            return lines;
        }

        synchronized String text() {
            return String.join("\n", last);
        }
    }

    @BeforeAll
    static void hostTheFunctions() throws Exception {
        Path bootstrap = assembleDist(temp.resolve("dist"));
        Path execCode = Files.createDirectories(temp.resolve("exec-code"));
        for (String program : List.of("echo.php", "echo_arg.rb")) {
            Files.copy(Fixtures.PROGRAMS.resolve(program), execCode.resolve(program));
        }
        goBuild(temp.resolve("go-echo"), Fixtures.PROGRAMS.resolve("echo.go"), execCode.resolve("echo"), null);
        goBuild(temp.resolve("go-runtime-api"), Fixtures.PROGRAMS.resolve("runtime_api_client.go"),
                execCode.resolve("runtime_api_client"), null);
        Path workerCode = Files.createDirectories(temp.resolve("worker-code"));
        Files.copy(Fixtures.WORKERS.resolve("raw_worker.rb"), workerCode.resolve("raw_worker.rb"));

        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG));
        List<String> command = List.of(bootstrap.toString());
        Map<String, String> utf8 = Map.of("LANG", "C.UTF-8");
        add(FunctionConfig.of("exec-php", "exec:php echo.php", execCode).withTimeout(Duration.ofSeconds(10)), command);
        add(FunctionConfig.of("exec-ruby", "exec:ruby echo_arg.rb {event}", execCode).withEnv(utf8)
                .withTimeout(Duration.ofSeconds(3)), command);
        add(FunctionConfig.of("exec-go", "exec:./echo {event}", execCode).withTimeout(Duration.ofSeconds(10)), command);
        add(FunctionConfig.of("exec-go-short", "exec:./echo {event}", execCode).withTimeout(Duration.ofSeconds(2)),
                command);
        add(FunctionConfig.of("exec-missing", "exec:no-such-interpreter x.php", execCode), command);
        add(FunctionConfig.of("exec-runtime-api", "exec:./runtime_api_client", execCode)
                .withTimeout(Duration.ofSeconds(10)), command);
        add(FunctionConfig.of("worker-runtime-api", "worker:./runtime_api_client", execCode)
                .withTimeout(Duration.ofSeconds(10)), command);
        add(FunctionConfig.of("worker-raw", "worker:ruby raw_worker.rb", workerCode)
                .withTimeout(Duration.ofSeconds(10)), command);
        add(FunctionConfig.of("worker-raw-short", "worker:ruby raw_worker.rb", workerCode)
                .withTimeout(Duration.ofSeconds(2)), command);
        add(FunctionConfig.of("worker-init-exit", "worker:ruby raw_worker.rb exit-at-init", workerCode), command);

        shims = Files.isRegularFile(SHIMS.resolve("php/lambda_bridge.php"))
                && Files.isRegularFile(SHIMS.resolve("ruby/lambda_bridge.rb"))
                && Files.isRegularFile(SHIMS.resolve("go/go.mod"));
        if (shims) {
            Path shimCode = Files.createDirectories(temp.resolve("shim-code"));
            Path sources = Fixtures.WORKERS.resolveSibling("shim-workers");
            Files.copy(sources.resolve("shim_worker.php"), shimCode.resolve("shim_worker.php"));
            Files.copy(sources.resolve("shim_worker.rb"), shimCode.resolve("shim_worker.rb"));
            goBuild(temp.resolve("go-shim"), sources.resolve("go/main.go"), shimCode.resolve("shimworker"),
                    SHIMS.resolve("go").toAbsolutePath());
            add(FunctionConfig.of("worker-php", "worker:php shim_worker.php", shimCode)
                    .withTimeout(Duration.ofSeconds(2)), command);
            add(FunctionConfig.of("worker-ruby", "worker:ruby shim_worker.rb", shimCode)
                    .withTimeout(Duration.ofSeconds(2)), command);
            add(FunctionConfig.of("worker-go", "worker:./shimworker", shimCode)
                    .withTimeout(Duration.ofSeconds(2)), command);
        }
    }

    private static void add(FunctionConfig config, List<String> command) {
        emulator.addFunction(config.withCommand(command));
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

    /** runtime/core's dist (bootstrap, lib/*.jar), this module as a jar, runtime-child-process, commons-exec and the shims. */
    static Path assembleDist(Path dist) throws IOException {
        Path core = Path.of(System.getProperty("lambdabridge.coreDist", "../../runtime/core/target/dist"));
        assertTrue(Files.isExecutable(core.resolve("bootstrap")), "no runtime at " + core + ": build it first "
                + "(mvn -o -q install -pl runtime/serialization,runtime/core -DskipTests)");
        Path lib = Files.createDirectories(dist.resolve("lib"));
        Files.copy(core.resolve("bootstrap"), dist.resolve("bootstrap"));
        Files.setPosixFilePermissions(dist.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> jars = Files.list(core.resolve("lib"))) {
            // not lib/runtime.aot: an AOT cache is made for the runtime's own class path
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        packJar(Path.of(System.getProperty("lambdabridge.classes", "target/classes")), lib.resolve("bridge-process.jar"));
        Path commonsExec = Path.of(codeSource(StreamPumper.class));
        Files.copy(commonsExec, lib.resolve(commonsExec.getFileName()));
        Path childProcess = Path.of(codeSource(ProcessTree.class)); // its jar, or its classes in a reactor build
        if (Files.isDirectory(childProcess)) {
            packJar(childProcess, lib.resolve("runtime-child-process.jar"));
        } else {
            Files.copy(childProcess, lib.resolve(childProcess.getFileName()));
        }
        if (Files.isDirectory(SHIMS)) {
            copyTree(SHIMS, dist.resolve("lambda-bridge/shims"));
        }
        return dist.resolve("bootstrap");
    }

    private static java.net.URI codeSource(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** target/classes as a jar (surefire runs before the package phase). */
    private static void packJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path path : files.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** go build, offline, with a module that replaces the shim by its directory when {@code shim} is given. */
    private static void goBuild(Path dir, Path source, Path output, Path shim) throws Exception {
        Files.createDirectories(dir);
        Files.copy(source, dir.resolve("main.go"));
        List<String> command = new ArrayList<>(List.of("go", "build", "-o", output.toString()));
        if (shim != null) {
            Files.writeString(dir.resolve("go.mod"), "module shimworker\n\ngo 1.19\n\nrequire lambdabridge.dev/shim "
                    + "v0.0.0\n\nreplace lambdabridge.dev/shim => " + shim + "\n");
            command.add(".");
        } else {
            command.add("main.go");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("GOFLAGS", "-mod=mod");
        builder.environment().put("CGO_ENABLED", "0");
        if (System.getenv("HOME") == null) {
            builder.environment().put("GOCACHE", temp.resolve("gocache").toString());
            builder.environment().put("GOPATH", temp.resolve("gopath").toString());
        }
        Process go = builder.start();
        String output2 = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(go.waitFor(120, TimeUnit.SECONDS) && go.exitValue() == 0, "go build failed: " + output2);
    }

    // ---- invoking ----

    private static InvokeResult invoke(String function, String event) {
        return invoke(function, event.getBytes(StandardCharsets.UTF_8));
    }

    private static InvokeResult invoke(String function, byte[] event) {
        InvokeResult result = emulator.invoke(function, InvokeRequest.of(event).withLogType(LogType.TAIL));
        SEEN.add(result.pid());
        return result;
    }

    private static byte[] ok(String function, String event) {
        InvokeResult result = invoke(function, event);
        assertFalse(result.isFunctionError(), function + " failed: " + result.payloadText() + "\nlog:\n" + LOG.text());
        return result.payload();
    }

    private static JsonNode failed(String function, String event, String errorType) throws IOException {
        InvokeResult result = invoke(function, event);
        assertTrue(result.isFunctionError(), function + " succeeded: " + result.payloadText());
        JsonNode error = JSON.readTree(result.payload());
        assertEquals(errorType, error.path("errorType").asText(), result.payloadText() + "\nlog:\n" + LOG.text());
        return error;
    }

    /** The runtime's living descendants. */
    private static List<Long> descendants(long runtimePid) {
        return ProcessHandle.of(runtimePid).map(runtime -> runtime.descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** The next invocation succeeds on the same runtime, and an exec: runtime has no child left. */
    private static void execRecovers(String function) throws Exception {
        InvokeResult result = invoke(function, "{\"next\":true}");
        assertFalse(result.isFunctionError(), result.payloadText());
        assertEquals("{\"next\":true}", result.payloadText());
        assertEquals(List.of(), descendants(result.pid()), function + ": processes left behind");
    }

    private static long runtimePid(String function) {
        return invoke(function, "{\"warm\":1}").pid();
    }

    // ---- exec: ----

    @Test
    void execEventReachesTheProgramByteForByte() throws Exception {
        byte[] hostile = Fixtures.HOSTILE_EVENT.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(hostile, invoke("exec-php", hostile).payload(), "stdin (php)");
        assertArrayEquals(hostile, invoke("exec-ruby", hostile).payload(), "{event} (ruby, UTF-8 locale)");
        assertEquals(ASCII_HOSTILE, new String(ok("exec-go", ASCII_HOSTILE), StandardCharsets.UTF_8), "{event} (go)");
        // the emulator's LANG=en_US.UTF-8 may name a locale this machine lacks, so that the runtime's JVM encodes
        // arguments as ASCII: the event then arrives as the same JSON with \\u escapes
        JsonNode sent = JSON.readTree(hostile);
        assertEquals(sent, JSON.readTree(ok("exec-go", Fixtures.HOSTILE_EVENT)));
        execRecovers("exec-go");
    }

    @Test
    void execNonZeroExitNamesTheStatusAndStderr() throws Exception {
        JsonNode error = failed("exec-php", "{\"mode\":\"crash\"}", "Process.ExitError");
        assertEquals("\"php echo.php\" exited with status 3; the last lines of its stderr:\nphp: something broke\n"
                + "php: giving up", error.path("errorMessage").asText());
        InvokeResult logged = invoke("exec-go", "{\"mode\":\"crash\"}");
        assertTrue(logged.logTail().contains(logged.requestId() + "\tgo: something broke"), logged.logTail());
        execRecovers("exec-php");
        execRecovers("exec-go");
    }

    @Test
    void execHangIsKilledBeforeTheDeadlineAndTheRuntimeSurvives() throws Exception {
        long runtime = runtimePid("exec-go-short");
        JsonNode error = failed("exec-go-short", "{\"mode\":\"hang\"}", "Process.Timeout");
        assertTrue(error.path("errorMessage").asText().contains("did not finish before the deadline"), error.toString());
        assertEquals(runtime, runtimePid("exec-go-short"), "the same runtime serves the next invocation");
        execRecovers("exec-go-short");

        failed("exec-ruby", "{\"mode\":\"hang\"}", "Process.Timeout"); // ruby with a child: both killed
        execRecovers("exec-ruby");
    }

    @Test
    void execTenMegabytesOnStdoutIsAnError() throws Exception {
        failed("exec-go", "{\"mode\":\"bigout\"}", "Process.ResponseTooLarge");
        failed("exec-php", "{\"mode\":\"bigout\"}", "Process.ResponseTooLarge");
        execRecovers("exec-go");
    }

    @Test
    void execFiftyMegabytesOnStderrComplete() throws Exception {
        long before = LOG.lines();
        assertEquals("{\"flooded\":true}", new String(ok("exec-go", "{\"mode\":\"bigerr\"}"), StandardCharsets.UTF_8));
        long until = System.currentTimeMillis() + 10_000;
        while (LOG.lines() - before < 50 * 1024 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(LOG.lines() - before >= 50 * 1024, "every stderr line logged: " + (LOG.lines() - before));
        execRecovers("exec-go");
    }

    @Test
    void execInvalidOutputAndText() throws Exception {
        failed("exec-php", "{\"mode\":\"invalid\"}", "Process.InvalidOutput");
        failed("exec-go", "{\"mode\":\"invalid\"}", "Process.InvalidOutput");
        assertEquals("\"hello, text\\n\"", new String(ok("exec-ruby", "{\"mode\":\"text\"}"), StandardCharsets.UTF_8));
        execRecovers("exec-php");
    }

    @Test
    void execMissingProgramIsAnInitError() throws Exception {
        JsonNode error = failed("exec-missing", "{}", "Process.NotFound");
        assertTrue(error.path("errorMessage").asText().startsWith("Program \"no-such-interpreter\" was not found on "
                + "PATH ("), error.toString());
    }

    // ---- worker: ----

    /** The worker's pid, checked to be the runtime's only descendant. */
    private static long workerPid(String function) {
        InvokeResult result = invoke(function, "{\"do\":\"pid\",\"mode\":\"pid\"}");
        assertFalse(result.isFunctionError(), result.payloadText());
        long pid;
        try {
            pid = JSON.readTree(result.payload()).path("pid").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SEEN.add(pid);
        assertEquals(List.of(pid), descendants(result.pid()), function + ": the worker is the runtime's only child");
        return pid;
    }

    /** The next invocation succeeds, on a worker that is the runtime's only descendant. */
    private static long workerRecovers(String function) {
        assertEquals("{\"next\":true}", new String(ok(function, "{\"next\":true}"), StandardCharsets.UTF_8));
        return workerPid(function);
    }

    @Test
    void workerEventReachesTheWorkerByteForByte() throws Exception {
        byte[] hostile = Fixtures.HOSTILE_EVENT.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(hostile, invoke("worker-raw", hostile).payload());
        workerRecovers("worker-raw");
    }

    @Test
    void workerCrashIsExitedAndANewWorkerServes() throws Exception {
        long before = workerPid("worker-raw");
        JsonNode error = failed("worker-raw", "{\"do\":\"crash\"}", "Worker.Exited");
        assertTrue(error.path("errorMessage").asText().contains("exited with status 7 while it served the invocation"),
                error.toString());
        assertTrue(error.path("errorMessage").asText().endsWith("raw worker: about to crash\nraw worker: bye"),
                error.toString());
        assertNotEquals(before, workerRecovers("worker-raw"));
    }

    @Test
    void workerHangIsKilledWithItsChildAndTheRuntimeSurvives() throws Exception {
        long runtime = runtimePid("worker-raw-short");
        long before = workerPid("worker-raw-short");
        failed("worker-raw-short", "{\"do\":\"hang\",\"child\":true}", "Worker.Timeout");
        assertEquals(List.of(), descendants(runtime), "the worker and its child are gone");
        assertNotEquals(before, workerRecovers("worker-raw-short"));
        assertEquals(runtime, runtimePid("worker-raw-short"), "the same runtime");
    }

    @Test
    void workerTenMegabyteResultIsAnError() throws Exception {
        failed("worker-raw", "{\"do\":\"big-result\",\"mb\":10}", "Worker.ResponseTooLarge");
        workerRecovers("worker-raw");
    }

    @Test
    void workerFiftyMegabytesOnStderrComplete() throws Exception {
        assertEquals("{\"flooded\":true}", new String(ok("worker-raw", "{\"do\":\"flood-stderr\",\"mb\":50}"),
                StandardCharsets.UTF_8));
        workerRecovers("worker-raw");
    }

    @Test
    void workerInvalidOutputIsAProtocolError() throws Exception {
        JsonNode error = failed("worker-raw", "{\"do\":\"garbage\"}", "Worker.ProtocolError");
        assertTrue(error.path("errorMessage").asText().contains("\"HELLO THERE\\n\""), error.toString());
        workerRecovers("worker-raw");
    }

    /** Kills a worker from outside and waits until it is gone: "between invocations". */
    private static void killBetweenInvocations(long pid) throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(5, TimeUnit.SECONDS);
    }

    @Test
    void workerKilledBetweenInvocationsIsReplaced() throws Exception {
        long first = workerPid("worker-raw");
        killBetweenInvocations(first);
        assertNotEquals(first, workerRecovers("worker-raw"));
    }

    /**
     * An unmodified aws-lambda-go program does not find the Runtime API (the bridge keeps AWS_LAMBDA_RUNTIME_API
     * from its programs): it stops at once with its own message, and the error says what to do instead. Before,
     * under exec: it took the invocation itself and the bridge waited for the timeout; under worker: it answered
     * invocations past the bridge until the init deadline killed it.
     */
    @Test
    void aProgramThatSpeaksTheRuntimeApiItselfGetsAClearError() throws Exception {
        for (String[] function : new String[][] {{"exec-runtime-api", "Process.ExitError"},
                {"worker-runtime-api", "Worker.Exited"}}) {
            long start = System.nanoTime();
            JsonNode error = failed(function[0], "{\"a\":1}", function[1]);
            String message = error.path("errorMessage").asText();
            assertTrue(message.contains("expected AWS Lambda environment variables [_LAMBDA_SERVER_PORT "
                    + "AWS_LAMBDA_RUNTIME_API] are not defined"), function[0] + ": " + message);
            assertTrue(message.contains("looked for AWS_LAMBDA_RUNTIME_API, which exec: and worker: programs do not "
                    + "get") && message.contains("lambdabridge.Start"), function[0] + ": " + message);
            assertTrue(System.nanoTime() - start < 5_000_000_000L, function[0] + " answered only at its timeout");
        }
        execRecovers("exec-go");
    }

    @Test
    void workerExitAtInitIsTheInitError() throws Exception {
        JsonNode error = failed("worker-init-exit", "{}", "Worker.Exited");
        assertTrue(error.path("errorMessage").asText().contains("exited with status 3"), error.toString());
        assertTrue(error.path("errorMessage").asText().endsWith("raw worker: loading failed\nraw worker: giving up"),
                error.toString());
    }

    // ---- worker: through the shims (bridge/process/shims) ----

    @Test
    void shimWorkersEchoCrashHangAndKill() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(shims, "the shims are not there yet (bridge/process/shims)");
        String text = "'; rm -rf / # $(id) `id` \"double\" 'single' é€😀";
        Map<String, Object> event = new HashMap<>();
        event.put("text", text);
        String eventJson = JSON.writeValueAsString(event);
        for (String function : List.of("worker-php", "worker-ruby", "worker-go")) {
            InvokeResult echoed = invoke(function, eventJson);
            assertFalse(echoed.isFunctionError(), function + ": " + echoed.payloadText() + "\n" + LOG.text());
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                    JSON.readTree(echoed.payload()).path("echo").asText().getBytes(StandardCharsets.UTF_8), function);
            assertTrue(echoed.logTail().contains(echoed.requestId() + "\t"), function + " logs: " + echoed.logTail());

            long before = workerPid(function);
            InvokeResult crash = invoke(function, "{\"mode\":\"crash\"}");
            assertTrue(crash.isFunctionError(), function + ": " + crash.payloadText());
            assertEquals("Worker.Exited", JSON.readTree(crash.payload()).path("errorType").asText(),
                    function + ": " + crash.payloadText());
            long afterCrash = workerPid(function);
            assertNotEquals(before, afterCrash, function);

            failed(function, "{\"mode\":\"hang\"}", "Worker.Timeout");
            long afterHang = workerPid(function);
            assertNotEquals(afterCrash, afterHang, function);

            killBetweenInvocations(afterHang);
            InvokeResult next = invoke(function, eventJson);
            assertFalse(next.isFunctionError(), function + " after a kill: " + next.payloadText());
            assertNotEquals(afterHang, workerPid(function), function);
        }
    }
}
