package dev.lambdabridge.emulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of functions: {@code {name, handler, code, timeout, memory, maxConcurrency, env, event, bootstrap,
 * snapStart}}; relative paths resolve against the file's directory. {@code "snapStart": true} is
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} in the function's environment, as {@code --snap-start}.
 */
final class FunctionsFile {
    /** One function of the file, with the sample event {@code invoke-all} sends it (null when none). */
    record Entry(FunctionConfig config, Path event) {
    }

    private FunctionsFile() {
    }

    static List<Entry> read(Path file) throws UsageException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("--functions " + file + ": cannot read it as JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UsageException("--functions " + file + ": expected a non-empty JSON array of functions");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            entries.add(entry(file, dir, node));
        }
        return entries;
    }

    private static Entry entry(Path file, Path dir, JsonNode node) throws UsageException {
        String name = node.path("name").asText(null);
        String handler = node.path("handler").asText(null);
        String code = node.path("code").asText(null);
        if (name == null || handler == null || code == null) {
            throw new UsageException("--functions " + file + ": each function needs name, handler and code, got "
                    + node);
        }
        Map<String, String> env = new LinkedHashMap<>();
        node.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode snapStart = node.path("snapStart");
        if (!snapStart.isMissingNode() && !snapStart.isBoolean()) {
            throw new UsageException("--functions " + file + ": function " + name + ": snapStart must be true or false, "
                    + "got " + snapStart);
        }
        if (snapStart.asBoolean(false)) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        String bootstrap = node.path("bootstrap").asText(null);
        try {
            FunctionConfig config = new FunctionConfig(name, handler, dir.resolve(code),
                    Duration.ofMillis(Math.round(node.path("timeout").asDouble(3) * 1000)),
                    node.path("memory").asInt(FunctionConfig.DEFAULT_MEMORY_MB), env,
                    bootstrap == null ? List.of() : List.of(dir.resolve(bootstrap).toString()),
                    node.path("maxConcurrency").asInt(1));
            String event = node.path("event").asText(null);
            return new Entry(config, event == null ? null : dir.resolve(event));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--functions " + file + ": " + e.getMessage());
        }
    }
}
