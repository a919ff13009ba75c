package dev.lambdabridge.samples.ops.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Functions hosted as Lambda hosts them: the lambda-bridge emulator (Invoke API and Runtime API) starts the
 * runtime's real {@code bootstrap} on the function's code directory (system properties {@code lambdabridge.bootstrap}
 * and {@code function.code}, set by the samples' pom).
 */
public final class FunctionHost implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Emulator emulator;
    private final Path bootstrap;
    private final List<String> log = new CopyOnWriteArrayList<>();

    private FunctionHost(Path bootstrap) {
        this.bootstrap = bootstrap;
        this.emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add));
    }

    /** The emulator, for functions run by the runtime at {@code lambdabridge.bootstrap} (system property). */
    public static FunctionHost start() {
        return start(Path.of(required("lambdabridge.bootstrap")));
    }

    /** The emulator, for functions run by that bootstrap. */
    public static FunctionHost start(Path bootstrap) {
        if (!Files.isExecutable(bootstrap)) {
            throw new IllegalStateException("no runtime bootstrap at " + bootstrap + ": build runtime/core first"
                    + " (scripts/build, or mvn -o -B -q package -DskipTests -pl runtime/core -am)");
        }
        return new FunctionHost(bootstrap);
    }

    /**
     * Adds a function of the module under test (its code: system property {@code function.code}) with that
     * handler, timeout and environment (the test credentials and endpoints, its own).
     */
    public FunctionHost add(String name, String handler, Duration timeout, Map<String, String> env) {
        return add(name, handler, Path.of(required("function.code")), timeout, FunctionConfig.DEFAULT_MEMORY_MB, env);
    }

    /** Adds a function whose code is in {@code code} (laid out as Lambda unpacks a Java zip). */
    public FunctionHost add(String name, String handler, Path code, Duration timeout, int memoryMb,
            Map<String, String> env) {
        if (!Files.isDirectory(code)) {
            throw new IllegalStateException("no function code at " + code + ": build its module first (mvn package)");
        }
        emulator.addFunction(new FunctionConfig(name, handler, code, timeout, memoryMb, env,
                List.of(bootstrap.toString())));
        return this;
    }

    public InvokeResult invoke(String name, String eventJson) {
        return emulator.invoke(name, InvokeRequest.of(eventJson));
    }

    /** Invokes and parses the result; an AssertionError with the error and the log when the function failed. */
    public JsonNode invokeOk(String name, String eventJson) {
        InvokeResult result = invoke(name, eventJson);
        if (result.isFunctionError()) {
            throw new AssertionError(name + " failed: " + result.payloadText() + "\nlog:\n" + logText());
        }
        try {
            return JSON.readTree(result.payload());
        } catch (IOException e) {
            throw new AssertionError(name + " answered something that is not JSON: " + result.payloadText(), e);
        }
    }

    /** A sample event of the module under test ({@code events/NAME}; system property {@code function.events}). */
    public static String event(String name) {
        Path file = Path.of(required("function.events"), name);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + file, e);
        }
    }

    /** Everything logged so far: START/END/REPORT and what the functions wrote, one line each. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** The log as one text, for assertion messages. */
    public String logText() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        emulator.close();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the samples' pom sets it)");
        }
        return value;
    }
}
