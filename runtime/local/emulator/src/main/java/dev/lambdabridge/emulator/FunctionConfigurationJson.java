package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hosted function as Lambda's API describes it: the {@code FunctionConfiguration} shape of GetFunction,
 * GetFunctionConfiguration and ListFunctions, with the fields a local function has (the runtime is a custom one,
 * {@code provided.al2023}; the role is a placeholder of the emulator's account; no layers, VPC or KMS key).
 */
final class FunctionConfigurationJson {
    /** Lambda's format: {@code 2026-12-03T11:02:09.123+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String RUNTIME = "provided.al2023";

    private FunctionConfigurationJson() {
    }

    static ObjectNode of(FunctionDescription function) {
        FunctionConfig config = function.config();
        ObjectNode node = TelemetrySubscription.JSON.createObjectNode()
                .put("FunctionName", config.name())
                .put("FunctionArn", function.arn())
                .put("Runtime", RUNTIME)
                .put("Role", "arn:aws:iam::" + FunctionArn.ACCOUNT + ":role/lambda-bridge-local")
                .put("Handler", config.handler())
                .put("CodeSize", function.codeSize())
                .put("Description", "")
                .put("Timeout", SandboxEnvironment.timeoutSeconds(config))
                .put("MemorySize", config.memoryMb())
                .put("LastModified", LAST_MODIFIED.format(function.addedAt()))
                .put("CodeSha256", "")
                .put("Version", Emulator.LATEST)
                .put("RevisionId", function.revisionId())
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip");
        if (!config.env().isEmpty()) {
            ObjectNode variables = node.putObject("Environment").putObject("Variables");
            new TreeMap<>(config.env()).forEach(variables::put);
        }
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.putArray("Architectures").add(architecture());
        node.putObject("EphemeralStorage").put("Size", 512);
        node.putObject("LoggingConfig").put("LogFormat", logFormat(config.env()))
                .put("LogGroup", "/aws/lambda/" + config.name());
        return node;
    }

    private static String logFormat(Map<String, String> env) {
        return "JSON".equalsIgnoreCase(env.get("AWS_LAMBDA_LOG_FORMAT")) ? "JSON" : "Text";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "x86_64";
    }

    /** For tests: the instant as LastModified shows it. */
    static String lastModified(Instant instant) {
        return LAST_MODIFIED.format(instant);
    }
}
