package dev.lambdabridge.emulator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment the processes of a sandbox (its runtime, its extensions) start with: Lambda's reserved
 * variables, the AWS credentials, profile and region of the emulator's own environment (as {@code sam local} hands
 * its caller's to the function), the metadata endpoint, then the function's own variables, which win. (Not
 * runtime/core's {@code RuntimeEnvironment}, which is what the runtime reads of such an environment.)
 */
final class SandboxEnvironment {
    static final String DEFAULT_REGION = "us-east-1";
    /** Handed on when set: keys (with a session token for temporary ones) take precedence over a profile. */
    static final List<String> CREDENTIALS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE");

    private SandboxEnvironment() {
    }

    /** The region a function runs in: its own AWS_REGION, else {@link #hostRegion(Map)} of the emulator's. */
    static String regionOf(FunctionConfig config, Map<String, String> hostEnv) {
        String region = config.env().get("AWS_REGION");
        return region == null || region.isBlank() ? hostRegion(hostEnv) : region;
    }

    /** AWS_REGION, else AWS_DEFAULT_REGION (as the AWS CLI reads it), else us-east-1. */
    static String hostRegion(Map<String, String> hostEnv) {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String region = hostEnv.get(name);
            if (region != null && !region.isBlank()) {
                return region;
            }
        }
        return DEFAULT_REGION;
    }

    static Map<String, String> build(Launch launch, String logStreamName) {
        FunctionConfig config = launch.config();
        Map<String, String> env = new HashMap<>();
        String region = regionOf(config, launch.hostEnv());
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + launch.runtimeApiPort());
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
        // the metadata endpoint is served on the function's Runtime API port (MetadataApi)
        env.put("AWS_LAMBDA_METADATA_API", "127.0.0.1:" + launch.runtimeApiPort());
        env.put("AWS_LAMBDA_METADATA_TOKEN", launch.metadataToken());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", path(config, launch.hostEnv()));
        if (config.maxConcurrency() > 1) {
            env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency()));
        }
        String javaHome = launch.hostEnv().get("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.putAll(credentials(launch.hostEnv()));
        env.putAll(config.env());
        return env;
    }

    /**
     * The emulator's AWS credentials for the function: the variables of {@link #CREDENTIALS} that are set. A
     * profile is read from files under the emulator user's home, which the function's environment has no
     * HOME for: so with a profile and no AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, those name the home's
     * {@code .aws/config} and {@code .aws/credentials} (when they exist).
     */
    static Map<String, String> credentials(Map<String, String> hostEnv) {
        Map<String, String> credentials = new HashMap<>();
        for (String name : CREDENTIALS) {
            String value = hostEnv.get(name);
            if (value != null && !value.isEmpty()) {
                credentials.put(name, value);
            }
        }
        String home = hostEnv.get("HOME");
        boolean profile = credentials.containsKey("AWS_PROFILE") || credentials.containsKey("AWS_DEFAULT_PROFILE");
        if (profile && home != null && !home.isEmpty()) {
            defaultFile(credentials, "AWS_CONFIG_FILE", Path.of(home, ".aws", "config"));
            defaultFile(credentials, "AWS_SHARED_CREDENTIALS_FILE", Path.of(home, ".aws", "credentials"));
        }
        return credentials;
    }

    private static void defaultFile(Map<String, String> env, String name, Path file) {
        if (!env.containsKey(name) && Files.isRegularFile(file)) {
            env.put(name, file.toString());
        }
    }

    /** The timeout in whole seconds, as Lambda configures it (rounded up; at least 1). */
    static long timeoutSeconds(FunctionConfig config) {
        return Math.max(1, (config.timeout().toMillis() + 999) / 1000);
    }

    private static String path(FunctionConfig config, Map<String, String> hostEnv) {
        String own = hostEnv.get("PATH");
        String path = config.codeDir() + File.pathSeparator + "/opt/bin";
        return own == null || own.isEmpty() ? path : path + File.pathSeparator + own;
    }
}
