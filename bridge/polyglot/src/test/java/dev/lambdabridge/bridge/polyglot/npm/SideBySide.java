package dev.lambdabridge.bridge.polyglot.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One emulator hosting each function twice: {@code ours-NAME} on the runtime's bootstrap with the js: bridge, and
 * {@code node-NAME} on AWS's Node.js runtime interface client 4.0.2 on Node.js 22, same code, same environment.
 */
public final class SideBySide implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emulator emulator;
    private final Path bootstrap;
    private final List<String> log = new CopyOnWriteArrayList<>();

    public SideBySide(Path bootstrap) {
        this.bootstrap = bootstrap;
        this.emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add));
    }

    /** Both runtimes for {@code handler} (e.g. {@code lodash.handler}) in {@code code}. */
    public void add(String name, String handler, Path code, Map<String, String> env) {
        Duration timeout = Duration.ofSeconds(20);
        emulator.addFunction(FunctionConfig.of("ours-" + name, "js:" + handler, code).withCommand(List.of(
                bootstrap.toString())).withEnv(env).withTimeout(timeout).withMemoryMb(1024));
        emulator.addFunction(FunctionConfig.of("node-" + name, handler, code).withCommand(NpmTrees.awsLambdaRic())
                .withEnv(env).withTimeout(timeout).withMemoryMb(1024));
    }

    /** The same event through both; ours first. */
    public Outcome invoke(String name, String event) {
        try {
            InvokeResult ours = emulator.invoke("ours-" + name, InvokeRequest.of(event));
            InvokeResult node = emulator.invoke("node-" + name, InvokeRequest.of(event));
            return new Outcome(ours, node, JSON.readTree(ours.payload()), JSON.readTree(node.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("invoking " + name + " failed; log:\n" + log(), e);
        }
    }

    public String log() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        emulator.close();
    }

    /** What each runtime answered. */
    public record Outcome(InvokeResult oursResult, InvokeResult nodeResult, JsonNode ours, JsonNode node) {
        /** The error's stack lines, under the key Node.js's runtime gives them ({@code trace}); missing if absent. */
        public static JsonNode trace(JsonNode error) {
            return error.path("trace");
        }

        public String describe() {
            return "ours: " + oursResult.payloadText() + "\nnode: " + nodeResult.payloadText();
        }
    }
}
