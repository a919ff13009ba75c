package dev.lambdabridge.runtime;

import java.util.Map;

/**
 * The reserved Lambda environment variables the runtime reads, read once at start, and lambda-bridge's own
 * {@code LAMBDA_BRIDGE_THREAD_SAFE} (false: one invoke loop whatever {@code AWS_LAMBDA_MAX_CONCURRENCY} says). A record so that tests and
 * the bridges can build one without touching the process environment.
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
        boolean threadSafe) {

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
                parseBoolean(env, "LAMBDA_BRIDGE_THREAD_SAFE", true));
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
