package dev.lambdabridge.bridge.polyglot.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** scripts/bench-polyglot's options (the script passes the paths; the counts have defaults, --quick small ones). */
record BenchOptions(Path runtimeDist, Path bootstrap, Path polyglot, Path samples, Path lambdaLocal, Path testClasses,
                    Path out, String java, String command, int memory, int cold, int warmup, int warm,
                    int perCallWarm, int inProcessRounds, int inProcessWarmup, int inProcessCalls,
                    int trainInvocations) {

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new BenchOptions(path(values, "runtime-dist"), path(values, "bootstrap"), path(values, "polyglot"),
                path(values, "samples"), path(values, "lambda-local"), path(values, "test-classes"),
                path(values, "out"), values.getOrDefault("java", System.getProperty("java.home") + "/bin/java"),
                values.getOrDefault("command", "scripts/bench-polyglot"),
                number(values, "memory", 1024), number(values, "cold", quick ? 1 : 5),
                number(values, "warmup", quick ? 50 : 2000), number(values, "warm", quick ? 50 : 1000),
                number(values, "per-call-warm", quick ? 10 : 100), number(values, "in-process-rounds", quick ? 1 : 5),
                number(values, "in-process-warmup", quick ? 500 : 5000),
                number(values, "in-process-calls", quick ? 500 : 5000),
                number(values, "train-invocations", quick ? 50 : 200));
    }

    private static Path path(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
