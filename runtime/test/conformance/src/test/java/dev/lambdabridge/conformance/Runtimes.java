package dev.lambdabridge.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two runtimes under comparison, as the emulator starts them: lambda-bridge's bootstrap, and AWS's Java
 * runtime interface client 2.10.1 on the same JVM (it takes the handler as its argument and the task root from
 * the working directory, which the emulator sets to the code directory).
 */
enum Runtimes {
    BRIDGE, AWS;

    static final Path BOOTSTRAP = Path.of(required("lambdabridge.bootstrap"));
    static final Path RIC_LIB = Path.of(required("lambdabridge.ric.lib"));
    static final Path FUNCTION = Path.of(required("lambdabridge.function"));

    List<String> command(String handler) {
        if (this == BRIDGE) {
            if (!Files.isExecutable(BOOTSTRAP)) {
                throw new IllegalStateException("No runtime bootstrap at " + BOOTSTRAP + ": build runtime/core first");
            }
            return List.of(BOOTSTRAP.toString());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // the client does not set org.crac's implementation itself: without this property a function's org.crac
        // resources never reach the client's global context (SnapStartTest); harmless for the other tests
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-cp", RIC_LIB + "/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven)");
        }
        return value;
    }
}
