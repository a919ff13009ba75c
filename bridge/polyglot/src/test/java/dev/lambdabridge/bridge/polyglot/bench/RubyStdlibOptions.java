package dev.lambdabridge.bridge.polyglot.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code scripts/bench-polyglot --ruby-stdlib DIR}'s options (the script passes the paths; the counts have defaults). */
record RubyStdlibOptions(Path layers, Path code, Path ric, Path testClasses, Path out, String java, String command,
                         String commit,
                         int memory, int cold, int warmup, int warm, int inProcessRounds, int inProcessWarmup,
                         int inProcessCalls) {

    static RubyStdlibOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return new RubyStdlibOptions(path(values, "layers"), path(values, "code"), path(values, "ruby-stdlib"),
                path(values, "test-classes"), path(values, "out"),
                values.getOrDefault("java", System.getProperty("java.home") + "/bin/java"),
                values.getOrDefault("command", "scripts/bench-polyglot --ruby-stdlib"),
                values.getOrDefault("commit", "unknown"),
                number(values, "memory", 1024), number(values, "cold", quick ? 1 : 5),
                number(values, "warmup", quick ? 100 : 2000), number(values, "warm", quick ? 100 : 1000),
                number(values, "in-process-rounds", quick ? 1 : 3), number(values, "in-process-warmup", quick ? 500 : 5000),
                number(values, "in-process-calls", quick ? 500 : 3000));
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
