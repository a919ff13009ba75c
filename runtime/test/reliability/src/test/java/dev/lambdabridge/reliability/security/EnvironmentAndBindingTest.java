package dev.lambdabridge.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.reliability.HostedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md, end to end: the environment a program gets (exec: and worker:) is Lambda's set, the function's
 * configured variables and the bridge's own, nothing of the machine that runs the emulator (surefire sets
 * {@code LB_BUILD_MACHINE_CANARY} in this JVM's environment); the emulator listens on 127.0.0.1 only, by default.
 */
@Tag("slow")
class EnvironmentAndBindingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "LB_BUILD_MACHINE_CANARY";
    /** Lambda's reserved variables (the emulator sets them as Lambda does). */
    private static final Set<String> LAMBDA = Set.of("AWS_LAMBDA_RUNTIME_API", "_HANDLER", "LAMBDA_TASK_ROOT",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_TIMEOUT", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION",
            "AWS_DEFAULT_REGION", "AWS_LAMBDA_INITIALIZATION_TYPE", "TZ", "LANG", "PATH", "AWS_LAMBDA_MAX_CONCURRENCY",
            "AWS_LAMBDA_METADATA_API", "AWS_LAMBDA_METADATA_TOKEN");
    /** The AWS credentials, profile and region of the emulator's environment, handed on as sam local does. */
    private static final Set<String> CREDENTIALS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE");
    /** What the process bridge adds (bridge/process/README.md "exec:", docs/worker-protocol.md). */
    private static final Set<String> BRIDGE = Set.of("LAMBDA_REQUEST_ID", "LAMBDA_DEADLINE_MS",
            "LAMBDA_INVOKED_FUNCTION_ARN", "_X_AMZN_TRACE_ID", "LAMBDA_BRIDGE_WORKER_SOCKET", "LAMBDA_BRIDGE_PROTOCOL",
            "LAMBDA_BRIDGE_SHIMS", "PHP_INI_SCAN_DIR", "RUBYLIB",
            // where a worker finds the Python shim, and the Node.js shim's preload (for node programs only)
            "PYTHONPATH", "NODE_OPTIONS");
    /**
     * The emulator's one addition: JAVA_HOME, so that the bootstrap finds the JDK that runs the emulator (on
     * Lambda the java-runtime layers bring their own JRE and Lambda sets no JAVA_HOME). PWD and SHLVL are set by
     * the bootstrap script's /bin/sh for the JVM it starts; PHP's CLI adds none.
     */
    private static final Set<String> EMULATOR_AND_SHELL = Set.of("JAVA_HOME", "PWD", "SHLVL", "_");

    @Test
    void programsSeeLambdasVariablesAndTheFunctionsButNothingOfTheBuildMachine(@TempDir Path work) throws Exception {
        assertEquals("canary-of-the-build-machine", System.getenv(CANARY), "surefire sets the canary in this JVM");
        Path exec = Files.createDirectories(work.resolve("exec"));
        Files.copy(HostedRuntime.resources().resolve("hostile/exec/env.php"), exec.resolve("env.php"));
        Path worker = Files.createDirectories(work.resolve("worker"));
        Files.copy(HostedRuntime.resources().resolve("hostile/worker/echo_worker.php"),
                worker.resolve("echo_worker.php"));
        Map<String, String> configured = Map.of("MY_SETTING", "configured by the function");
        try (Emulator emulator = HostedRuntime.emulator(new CopyOnWriteArrayList<String>()::add)) {
            emulator.addFunction(HostedRuntime.function("env-exec", "exec:php env.php", exec).withEnv(configured));
            emulator.addFunction(HostedRuntime.function("env-worker", "worker:php echo_worker.php", worker)
                    .withEnv(configured));
            for (String function : List.of("env-exec", "env-worker")) {
                InvokeResult result = emulator.invoke(function, InvokeRequest.of("{\"env\":true}"));
                assertFalse(result.isFunctionError(), result.payloadText());
                JsonNode env = JSON.readTree(result.payload());
                assertFalse(env.has(CANARY), function + " sees the build machine's " + CANARY);
                assertEquals("configured by the function", env.path("MY_SETTING").asText(), function);
                assertEquals(function, env.path("AWS_LAMBDA_FUNCTION_NAME").asText());
                Set<String> unexpected = new TreeSet<>();
                for (Iterator<String> names = env.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!LAMBDA.contains(name) && !BRIDGE.contains(name) && !EMULATOR_AND_SHELL.contains(name)
                            && !CREDENTIALS.contains(name) && !configured.containsKey(name)) {
                        unexpected.add(name);
                    }
                }
                assertEquals(Set.of(), unexpected, function + ": variables that are neither Lambda's, the "
                        + "function's nor the bridge's");
            }
        }
    }

    @Test
    void theEmulatorListensOnLoopbackOnlyByDefault() throws Exception {
        assertEquals("127.0.0.1", EmulatorOptions.defaults().host());
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(HostedRuntime.function("bound", "soak.Echo::handleRequest",
                    HostedRuntime.javaFunction()));
            for (int port : List.of(emulator.invokePort(), emulator.runtimeApiPort("bound"))) {
                List<String> addresses = listening(port);
                assertEquals(List.of("127.0.0.1"), addresses, "port " + port + " listens on " + addresses);
            }
        }
    }

    /** The local addresses of the LISTEN sockets on {@code port}, from /proc/net/tcp and tcp6. */
    private static List<String> listening(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && fields[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp's little-endian hex address as text (IPv6 shown as hex, IPv4-mapped as IPv4). */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        return hex;
    }
}
