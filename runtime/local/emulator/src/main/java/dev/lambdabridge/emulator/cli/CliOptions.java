package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options of {@code serve}, {@code invoke} and {@code invoke-all}, parsed and checked. */
record CliOptions(String handler, Path code, String name, Duration timeout, int memoryMb, int port, String host,
                  Map<String, String> env, Path bootstrap, Path functionsFile, String event, int maxConcurrency,
                  Path optDir) {

    static CliOptions parse(List<String> args, int defaultPort) throws UsageException {
        Builder b = new Builder(defaultPort);
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--")) {
                throw new UsageException("unexpected argument '" + option + "': options start with --");
            }
            if (option.equals("--snap-start")) { // a flag: SnapStart's restore phase (HostedFunction.restoreNext)
                b.putEnv("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("option " + option + " needs a value");
            }
            b.set(option, args.get(++i));
        }
        return b.build();
    }

    /** The function described by --handler, --code and the rest. */
    FunctionConfig function() throws UsageException {
        if (handler == null || code == null) {
            throw new UsageException("--handler and --code are required (or --functions FILE.json)");
        }
        if (!Files.isDirectory(code)) {
            throw new UsageException("--code " + code + " is not a directory");
        }
        try {
            return new FunctionConfig(name, handler, code, timeout, memoryMb, env,
                    bootstrap == null ? List.of() : List.of(bootstrap.toAbsolutePath().toString()), maxConcurrency);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Collects option values one by one. */
    private static final class Builder {
        private String handler;
        private Path code;
        private String name = "function";
        private Duration timeout = FunctionConfig.DEFAULT_TIMEOUT;
        private int memoryMb = FunctionConfig.DEFAULT_MEMORY_MB;
        private int maxConcurrency = 1;
        private int port;
        private String host = "127.0.0.1";
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path bootstrap;
        private Path optDir;
        private Path functionsFile;
        private String event;

        Builder(int defaultPort) {
            this.port = defaultPort;
        }

        void set(String option, String value) throws UsageException {
            switch (option) {
                case "--handler" -> handler = value;
                case "--code" -> code = Path.of(value);
                case "--name" -> name = value;
                case "--timeout" -> timeout = Duration.ofMillis(Math.round(positive(option, value) * 1000));
                case "--memory" -> memoryMb = (int) integer(option, value, 128, 10240);
                case "--max-concurrency" -> maxConcurrency = (int) integer(option, value, 1, FunctionConfig.MAX_CONCURRENCY);
                case "--port" -> port = (int) integer(option, value, 0, 65535);
                case "--host" -> host = value;
                case "--env" -> putEnv(value);
                case "--bootstrap" -> bootstrap = Path.of(value);
                case "--opt" -> optDir = Path.of(value);
                case "--functions" -> functionsFile = Path.of(value);
                case "--event" -> event = value;
                default -> throw new UsageException("unknown option " + option + " (value '" + value + "')");
            }
        }

        private void putEnv(String value) throws UsageException {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--env needs KEY=VALUE, got '" + value + "'");
            }
            env.put(value.substring(0, eq), value.substring(eq + 1));
        }

        private static double positive(String option, String value) throws UsageException {
            try {
                double number = Double.parseDouble(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new UsageException(option + " needs a positive number of seconds, got '" + value + "'");
        }

        private static long integer(String option, String value, long min, long max) throws UsageException {
            try {
                long number = Long.parseLong(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new UsageException(option + " needs a whole number from " + min + " to " + max + ", got '"
                    + value + "'");
        }

        CliOptions build() {
            return new CliOptions(handler, code, name, timeout, memoryMb, port, host, Map.copyOf(env), bootstrap,
                    functionsFile, event, maxConcurrency, optDir);
        }
    }
}
