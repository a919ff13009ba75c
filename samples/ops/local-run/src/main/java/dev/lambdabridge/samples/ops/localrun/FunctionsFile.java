package dev.lambdabridge.samples.ops.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions of a functions file ({@code name, handler, code, timeout, memory, env, event}; paths relative to
 * the file), with each {@code ${NAME}} in an {@code env} value replaced by its value; an unknown name is an error.
 */
record FunctionsFile(List<Entry> functions) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    record Entry(String name, String handler, Path code, Duration timeout, int memoryMb, Map<String, String> env,
            Path event) {
    }

    static FunctionsFile read(Path file, Map<String, String> values) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the functions file " + file, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (JsonNode f : root) {
            String name = f.path("name").asText();
            Map<String, String> env = new LinkedHashMap<>();
            f.path("env").properties().forEach(e -> env.put(e.getKey(), fill(e.getValue().asText(), values,
                    name + ": env " + e.getKey())));
            entries.add(new Entry(name, f.path("handler").asText(), dir.resolve(f.path("code").asText()),
                    Duration.ofMillis(Math.round(f.path("timeout").asDouble(3) * 1000)), f.path("memory").asInt(512),
                    env, dir.resolve(f.path("event").asText())));
        }
        return new FunctionsFile(List.copyOf(entries));
    }

    static String fill(String value, Map<String, String> values, String where) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = values.get(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException(where + ": unknown placeholder ${" + m.group(1) + "} (known: "
                        + values.keySet().stream().sorted().toList() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
