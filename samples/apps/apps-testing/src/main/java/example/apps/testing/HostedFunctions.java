package example.apps.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Functions of the module under test, hosted by the project's emulator and run by the runtime's real bootstrap
 * ({@code runtime/core/target/dist/bootstrap}, system property {@code lambdabridge.bootstrap}) from the module's
 * {@code target/function} (system property {@code function.dir}), as Lambda would run them.
 */
public final class HostedFunctions implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Emulator emulator;
    private final Path bootstrap;

    private HostedFunctions() {
        this.bootstrap = Path.of(System.getProperty(FunctionConfig.BOOTSTRAP_PROPERTY, "(system property "
                + FunctionConfig.BOOTSTRAP_PROPERTY + " not set)"));
        assertTrue(Files.isExecutable(bootstrap), "no runtime bootstrap at " + bootstrap
                + ": build runtime/core first (scripts/build)");
        this.emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add));
    }

    /** Starts an emulator; add functions next. */
    public static HostedFunctions start() {
        return new HostedFunctions();
    }

    /** The module's own {@code target/function}. */
    public static Path functionDir() {
        Path dir = Path.of(System.getProperty("function.dir", "target/function"));
        assertTrue(Files.isDirectory(dir), "no function code at " + dir + ": run the module's build (process-classes)");
        return dir;
    }

    /** Hosts a function of the module's code with the given handler and extra environment. */
    public HostedFunctions add(String name, String handler, Map<String, String> env) {
        return add(name, handler, functionDir(), env);
    }

    /** Hosts a function from any code directory. */
    public HostedFunctions add(String name, String handler, Path codeDir, Map<String, String> env) {
        emulator.addFunction(new FunctionConfig(name, handler, codeDir, TIMEOUT, FunctionConfig.DEFAULT_MEMORY_MB,
                env, List.of(bootstrap.toString())));
        return this;
    }

    /** One synchronous invocation, as the Invoke API does it. */
    public InvokeResult invoke(String name, String event) {
        return emulator.invoke(name, InvokeRequest.of(event.getBytes(StandardCharsets.UTF_8)));
    }

    /** Invokes, checks that the function did not fail (the log is in the message when it did), parses the result. */
    public JsonNode invokeOk(String name, String event) {
        InvokeResult result = invoke(name, event);
        assertFalse(result.isFunctionError(), name + " failed: " + result.payloadText() + "\nlog:\n" + logText());
        return parse(result.payloadText());
    }

    /** Invokes and checks that the function failed; returns its error ({@code errorMessage}, {@code errorType}). */
    public JsonNode invokeFailing(String name, String event) {
        InvokeResult result = invoke(name, event);
        assertTrue(result.isFunctionError(), name + " should have failed, returned: " + result.payloadText()
                + "\nlog:\n" + logText());
        return parse(result.payloadText());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** Every log line so far: the platform's START/END/REPORT and what the functions wrote. */
    public List<String> log() {
        return List.copyOf(log);
    }

    public String logText() {
        return String.join("\n", log);
    }

    public Emulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
