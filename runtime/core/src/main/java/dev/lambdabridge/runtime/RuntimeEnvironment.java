package dev.lambdabridge.runtime;

import java.util.Collections;
import java.util.Map;

/**
 * The reserved Lambda environment variables the runtime reads, read once at start, and lambda-bridge's own
 * {@code LAMBDA_BRIDGE_THREAD_SAFE} (false: one invoke loop whatever {@code AWS_LAMBDA_MAX_CONCURRENCY} says) and
 * {@value #KILL_MARGIN_VARIABLE} ({@link #killMarginMs()}). {@link #variables()} is the whole environment it was
 * read from, for the bridges ({@code PATH}, {@code NODE_PATH}, their own settings). A record so that tests build
 * one without touching the process environment.
 */
public record RuntimeEnvironment(
        String runtimeApi,
        String handler,
        String taskRoot,
        String functionName,
        String functionVersion,
        int memoryLimitMb,
        String logGroupName,
        String logStreamName,
        String logFormat,
        String logLevel,
        int maxConcurrency,
        boolean threadSafe,
        Map<String, String> variables) {

    /**
     * How long before Lambda's deadline a bridge stops a handler it runs (a process, a worker, a polyglot guest),
     * so that the runtime can still report the timeout (and survive it) instead of being killed with the handler.
     * 100 ms was too little on a busy 2-core machine: killing a program with its children and reporting took
     * longer, and Lambda's own timeout (Sandbox.Timedout, a restarted runtime) won the race (seen in CI with a Ruby
     * program and its child at load 5, and in the soak).
     */
    public static final String KILL_MARGIN_VARIABLE = "LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS";
    public static final long DEFAULT_KILL_MARGIN_MS = 250;

    public static RuntimeEnvironment fromEnvironment() {
        return from(System.getenv());
    }

    public static RuntimeEnvironment from(Map<String, String> env) {
        return new RuntimeEnvironment(
                env.get("AWS_LAMBDA_RUNTIME_API"),
                env.get("_HANDLER"),
                env.getOrDefault("LAMBDA_TASK_ROOT", System.getProperty("user.dir")),
                env.get("AWS_LAMBDA_FUNCTION_NAME"),
                env.get("AWS_LAMBDA_FUNCTION_VERSION"),
                parsePositive(env, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", 128),
                env.get("AWS_LAMBDA_LOG_GROUP_NAME"),
                env.get("AWS_LAMBDA_LOG_STREAM_NAME"),
                env.getOrDefault("AWS_LAMBDA_LOG_FORMAT", "TEXT"),
                env.get("AWS_LAMBDA_LOG_LEVEL"),
                parsePositive(env, "AWS_LAMBDA_MAX_CONCURRENCY", 1),
                parseBoolean(env, "LAMBDA_BRIDGE_THREAD_SAFE", true),
                Collections.unmodifiableMap(env));
    }

    /**
     * The kill margin, {@value #KILL_MARGIN_VARIABLE} (default {@value #DEFAULT_KILL_MARGIN_MS} ms): read when a
     * bridge asks (at its init, and for each invocation's {@code LambdaContext#killAtMs()}), so that a bad value
     * fails the init of the bridge that uses it, and a Java handler never reads it.
     */
    public long killMarginMs() {
        String value = variables.get(KILL_MARGIN_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_KILL_MARGIN_MS;
        }
        try {
            long margin = Long.parseLong(value.trim());
            if (margin >= 0) {
                return margin;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(KILL_MARGIN_VARIABLE + " must be a number of milliseconds (0 or more), "
                + "got \"" + value + "\"");
    }

    private static boolean parseBoolean(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got \"" + value + "\"");
        };
    }

    private static int parsePositive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, got \"" + value + "\"");
    }
}
