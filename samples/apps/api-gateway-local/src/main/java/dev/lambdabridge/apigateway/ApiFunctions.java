package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions a routes file names, from a functions file (the emulator's format: a JSON array of
 * {@code {name, handler, code, timeout, memory, env}}, paths relative to the file).
 */
public final class ApiFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of the functions file; other fields (event, bootstrap) are the emulator CLI's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String name, String handler, String code, Double timeout, Integer memory, Map<String, String> env) {
    }

    private ApiFunctions() {
    }

    /**
     * @param extraEnv added to every function's environment (e.g. {@code AWS_ENDPOINT_URL_STS})
     * @throws IllegalArgumentException when the file cannot be read or a route names a function it lacks
     */
    public static List<FunctionConfig> forRoutes(Path functionsFile, List<Route> routes, Map<String, String> extraEnv) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        try {
            for (Entry entry : JSON.readValue(functionsFile.toFile(), Entry[].class)) {
                byName.put(entry.name(), entry);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--functions " + functionsFile + ": cannot read it as a JSON array of "
                    + "functions: " + e.getMessage());
        }
        Path dir = functionsFile.toAbsolutePath().getParent();
        return routes.stream().map(Route::function).distinct().map(name -> {
            Entry entry = byName.get(name);
            if (entry == null || entry.handler() == null || entry.code() == null) {
                throw new IllegalArgumentException("a route names function '" + name + "', which " + functionsFile
                        + (entry == null ? " does not have (it has " + byName.keySet() + ")" : " lacks handler or code"));
            }
            Map<String, String> env = new HashMap<>(entry.env() == null ? Map.of() : entry.env());
            env.putAll(extraEnv);
            return new FunctionConfig(name, entry.handler(), dir.resolve(entry.code()),
                    Duration.ofMillis(Math.round((entry.timeout() == null ? 3 : entry.timeout()) * 1000)),
                    entry.memory() == null ? FunctionConfig.DEFAULT_MEMORY_MB : entry.memory(), env, List.of());
        }).toList();
    }
}
