package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rie [OPTION...] [CMD ARGS...]}: the emulator as a drop-in for AWS's runtime interface emulator
 * ({@code aws-lambda-rie CMD ARGS...}). As it does: the runtime command is CMD ARGS (none: the first of
 * {@code /var/task/bootstrap}, {@code /opt/bootstrap}, {@code /var/runtime/bootstrap}), started in the current
 * directory; with more than one word the last is the handler; the function's timeout, memory and name come from
 * AWS_LAMBDA_FUNCTION_TIMEOUT (300 s), AWS_LAMBDA_FUNCTION_MEMORY_SIZE (3008 MB) and AWS_LAMBDA_FUNCTION_NAME
 * ({@code function}); the emulator's whole environment reaches the function; the Invoke API listens on port 8080.
 * Unlike it: 127.0.0.1 unless {@code --runtime-interface-emulator-address} says otherwise, and Lambda's answers
 * (a timeout is Lambda's error JSON, not a bare text).
 */
record RieMode(FunctionConfig function, String host, int port) {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_NAME = "function";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    static final int DEFAULT_MEMORY_MB = 3008;
    private static final List<String> BOOTSTRAPS = List.of("/var/task/bootstrap", "/opt/bootstrap",
            "/var/runtime/bootstrap");
    /** Set by the emulator itself for each sandbox: never taken from its own environment. */
    private static final Set<String> RESERVED = Set.of("AWS_LAMBDA_RUNTIME_API", "AWS_LAMBDA_METADATA_API",
            "AWS_LAMBDA_METADATA_TOKEN", "_HANDLER", "LAMBDA_TASK_ROOT", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_TIMEOUT", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_HANDLER", "PATH",
            "PWD", "OLDPWD", "SHLVL", "_");

    static RieMode parse(List<String> args, Map<String, String> env, Path workingDir) throws UsageException {
        String address = "127.0.0.1:" + DEFAULT_PORT;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("--"); i++) {
            String option = args.get(i);
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            switch (name) {
                case "--runtime-interface-emulator-address" -> address = required(name, value);
                case "--log-level" -> required(name, value); // RIE's own log level: the emulator has one level
                default -> throw new UsageException("rie: unknown option " + option + " (value '" + value
                        + "'); rie takes --runtime-interface-emulator-address HOST:PORT and --log-level LEVEL, then "
                        + "the runtime command and its arguments");
            }
        }
        List<String> command = new ArrayList<>(args.subList(i, args.size()));
        Path codeDir = workingDir;
        if (command.isEmpty()) {
            command.add(defaultBootstrap());
            codeDir = Path.of(env.getOrDefault("LAMBDA_TASK_ROOT", "/var/task"));
        }
        String handler = command.size() > 1 ? command.getLast()
                : env.getOrDefault("AWS_LAMBDA_FUNCTION_HANDLER", env.getOrDefault("_HANDLER", ""));
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--runtime-interface-emulator-address needs HOST:PORT, got '" + address + "'");
        }
        int port = wholeNumber("--runtime-interface-emulator-address's port", address.substring(colon + 1), 0, 65535);
        try {
            FunctionConfig function = new FunctionConfig(env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", DEFAULT_NAME),
                    handler, codeDir, timeout(env), memory(env), functionEnv(env), command);
            return new RieMode(function, address.substring(0, colon), port);
        } catch (IllegalArgumentException e) {
            throw new UsageException("rie: " + e.getMessage());
        }
    }

    private static String required(String option, String value) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return value;
    }

    private static String defaultBootstrap() throws UsageException {
        for (String candidate : BOOTSTRAPS) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new UsageException("rie: no runtime command given and none of " + BOOTSTRAPS + " exists: "
                + "give the runtime command and its arguments, e.g. rie ./bootstrap");
    }

    private static Duration timeout(Map<String, String> env) throws UsageException {
        String value = env.get("AWS_LAMBDA_FUNCTION_TIMEOUT");
        if (value == null || value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new UsageException("AWS_LAMBDA_FUNCTION_TIMEOUT needs a positive number of seconds, got '" + value + "'");
    }

    private static int memory(Map<String, String> env) throws UsageException {
        String value = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        return value == null || value.isEmpty() ? DEFAULT_MEMORY_MB
                : wholeNumber("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", value, 128, 10240);
    }

    private static int wholeNumber(String what, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new UsageException(what + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** The emulator's environment, as the function's own variables, less what the emulator sets per sandbox. */
    private static Map<String, String> functionEnv(Map<String, String> env) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (!RESERVED.contains(name)) {
                forwarded.put(name, value);
            }
        });
        return forwarded;
    }

    /** {@code http://host:port/2015-03-31/functions/function/invocations}, the URL RIE's users call. */
    String invokeUrl() {
        String shown = host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port + "/2015-03-31/functions/function/invocations";
    }
}
