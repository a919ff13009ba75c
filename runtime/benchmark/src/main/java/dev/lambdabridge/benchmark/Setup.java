package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each runtime is started: one JVM (this harness's own, which scripts/bench picks: Temurin 25, or the one
 * {@code --jre} names), the JVM
 * options our bootstrap uses, the same task root with the same handlers.
 *
 * @param java          the java binary the RIC and the raw loop run on; our bootstrap gets its JAVA_HOME
 * @param flags         the bootstrap's JVM options, given to the RIC and the raw loop too
 * @param bootstrap     runtime/core/target/dist/bootstrap
 * @param functionDir   the task root (target/function): handlers' classes at its root
 * @param ricLib        AWS's runtime interface client and its dependencies (target/ric-lib)
 * @param rawClassPath  where {@link RawSocketEchoRuntime} was loaded from (target/classes)
 */
record Setup(Path java, Path javaHome, JvmFlags flags, Path bootstrap, Path functionDir, Path ricLib,
             Path rawClassPath, int memoryMb) {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Setup prepare(BenchmarkOptions options) throws IOException {
        Path javaHome = options.jre();
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java at " + java + " (--jre " + javaHome + ")");
        }
        if (Runtime.version().feature() < 25) {
            throw new IOException("the benchmark's harness runs on Java " + Runtime.version()
                    + ": run it on Java 25 or newer (scripts/bench finds one)");
        }
        Path module = options.moduleDir();
        Path functionDir = module.resolve("target/function");
        Path ricLib = module.resolve("target/ric-lib");
        requireDir(functionDir, "the handlers' task root");
        if (options.runs(RuntimeKind.AWS_RIC)) {
            requireDir(ricLib, "AWS's runtime interface client and its dependencies");
        }
        JvmFlags flags;
        if (Files.isRegularFile(options.bootstrap())) {
            flags = JvmFlags.fromBootstrap(options.bootstrap(), options.memoryMb());
        } else if (options.runs(RuntimeKind.LAMBDA_BRIDGE) || options.runs(RuntimeKind.AWS_RIC)) {
            throw new IOException("no bootstrap at " + options.bootstrap() + ": build it with mvn -o package -pl "
                    + "runtime/core -am (scripts/bench does)");
        } else {
            flags = JvmFlags.none("no bootstrap at " + options.bootstrap() + "; only the raw loop runs");
        }
        Path rawClassPath;
        try {
            rawClassPath = Path.of(RawSocketEchoRuntime.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (Exception e) {
            throw new IOException("cannot tell where " + RawSocketEchoRuntime.class.getName() + " was loaded from", e);
        }
        return new Setup(java, javaHome, flags, options.bootstrap(), functionDir, ricLib, rawClassPath,
                options.memoryMb());
    }

    /** A function that runs the handler on the runtime; extra JVM options (profiling) are added to its JVM. */
    FunctionConfig function(String name, RuntimeKind kind, BenchHandler handler, List<String> extraJvmOptions) {
        return FunctionConfig.of(name, handler.handler, functionDir)
                .withTimeout(TIMEOUT)
                .withMemoryMb(memoryMb)
                .withEnv(env(kind, extraJvmOptions))
                .withCommand(command(kind, handler, extraJvmOptions));
    }

    List<String> command(RuntimeKind kind, BenchHandler handler, List<String> extraJvmOptions) {
        if (kind == RuntimeKind.LAMBDA_BRIDGE) {
            return List.of(bootstrap.toString());
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags.options());
        command.addAll(extraJvmOptions);
        command.add("-cp");
        if (kind == RuntimeKind.AWS_RIC) {
            command.add(ricLib + "/*");
            command.add(RIC_MAIN);
            command.add(handler.handler);
        } else {
            command.add(rawClassPath.toString());
            command.add(RawSocketEchoRuntime.class.getName());
        }
        return command;
    }

    /** Our bootstrap finds the JVM through JAVA_HOME and takes extra options from LAMBDA_BRIDGE_JVM_OPTS. */
    Map<String, String> env(RuntimeKind kind, List<String> extraJvmOptions) {
        if (kind != RuntimeKind.LAMBDA_BRIDGE) {
            return Map.of("JAVA_HOME", javaHome.toString());
        }
        return extraJvmOptions.isEmpty() ? Map.of("JAVA_HOME", javaHome.toString())
                : Map.of("JAVA_HOME", javaHome.toString(), "LAMBDA_BRIDGE_JVM_OPTS", String.join(" ", extraJvmOptions));
    }

    /**
     * Lambda's environment for a runtime started without the emulator (against the minimal server), as the
     * emulator gives it, less {@code AWS_LAMBDA_RUNTIME_API}, which the server adds.
     */
    Map<String, String> directEnv(RuntimeKind kind, BenchHandler handler, String name) {
        Map<String, String> env = new java.util.HashMap<>(env(kind, List.of()));
        env.put("_HANDLER", handler.handler);
        env.put("LAMBDA_TASK_ROOT", functionDir.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(TIMEOUT.toSeconds()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]" + name);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private static void requireDir(Path dir, String what) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no " + what + " at " + dir + ": build runtime/benchmark with mvn -o package "
                    + "(scripts/bench does)");
        }
    }
}
