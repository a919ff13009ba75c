package dev.lambdabridge.emulator;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

/** The environment a runtime process starts with: Lambda's reserved variables, then the function's own. */
final class RuntimeEnvironment {
    static final String DEFAULT_REGION = "us-east-1";

    private RuntimeEnvironment() {
    }

    /** The region a function runs in: its own AWS_REGION, else {@link #hostRegion()}. */
    static String regionOf(FunctionConfig config) {
        String region = config.env().get("AWS_REGION");
        return region == null || region.isBlank() ? hostRegion() : region;
    }

    /** The emulator's region: its AWS_REGION, else AWS_DEFAULT_REGION (as the AWS CLI reads it), else us-east-1. */
    static String hostRegion() {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String region = System.getenv(name);
            if (region != null && !region.isBlank()) {
                return region;
            }
        }
        return DEFAULT_REGION;
    }

    static Map<String, String> build(FunctionConfig config, int runtimeApiPort, String logStreamName) {
        Map<String, String> env = new HashMap<>();
        String region = regionOf(config);
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
        env.put("_HANDLER", config.handler());
        env.put("LAMBDA_TASK_ROOT", config.codeDir().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(timeoutSeconds(config)));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", path(config));
        if (config.maxConcurrency() > 1) {
            env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency()));
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.putAll(config.env());
        return env;
    }

    /** The timeout in whole seconds, as Lambda configures it (rounded up; at least 1). */
    static long timeoutSeconds(FunctionConfig config) {
        return Math.max(1, (config.timeout().toMillis() + 999) / 1000);
    }

    private static String path(FunctionConfig config) {
        String own = System.getenv("PATH");
        String path = config.codeDir() + File.pathSeparator + "/opt/bin";
        return own == null || own.isEmpty() ? path : path + File.pathSeparator + own;
    }
}
