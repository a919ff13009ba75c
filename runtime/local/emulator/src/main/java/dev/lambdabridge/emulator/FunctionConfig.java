package dev.lambdabridge.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One hosted function: its name, {@code _HANDLER}, code directory ({@code LAMBDA_TASK_ROOT}), timeout, memory,
 * extra environment and the runtime program to start. Build with {@link #of} and the {@code with...} methods.
 *
 * @param command        the runtime program and its arguments; empty means the lambda-bridge bootstrap (see
 *                       {@link #resolvedCommand()})
 * @param maxConcurrency how many invocations the runtime gets at once (1 to 64; above 1 as on Lambda Managed
 *                       Instances: the runtime gets {@code AWS_LAMBDA_MAX_CONCURRENCY})
 */
public record FunctionConfig(
        String name, String handler, Path codeDir, Duration timeout, int memoryMb,
        Map<String, String> env, List<String> command, int maxConcurrency) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MEMORY_MB = 512;
    /** Lambda Managed Instances allow up to 64 concurrent invocations per execution environment. */
    public static final int MAX_CONCURRENCY = 64;
    /** System property naming the bootstrap program used when no command is given. */
    public static final String BOOTSTRAP_PROPERTY = "lambdabridge.bootstrap";
    /** Environment variable naming the bootstrap program, when the system property is not set. */
    public static final String BOOTSTRAP_ENV = "LAMBDA_BRIDGE_BOOTSTRAP";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public FunctionConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "function name must be 1-64 letters, digits, '-' or '_', got: " + name);
        }
        handler = handler == null ? "" : handler;
        if (codeDir == null) {
            throw new IllegalArgumentException("function " + name + ": codeDir is required");
        }
        codeDir = codeDir.toAbsolutePath().normalize();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("function " + name + ": timeout must be positive, got: " + timeout);
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException(
                    "function " + name + ": memoryMb must be between 128 and 10240, got: " + memoryMb);
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        command = command == null ? List.of() : List.copyOf(command);
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("function " + name + ": maxConcurrency must be between 1 and "
                    + MAX_CONCURRENCY + ", got: " + maxConcurrency);
        }
    }

    /** A function served one invocation at a time, as Lambda's on-demand functions are. */
    public FunctionConfig(String name, String handler, Path codeDir, Duration timeout, int memoryMb,
                          Map<String, String> env, List<String> command) {
        this(name, handler, codeDir, timeout, memoryMb, env, command, 1);
    }

    /** A function with the default timeout (3 s), memory (512 MB), no extra env and the default bootstrap. */
    public static FunctionConfig of(String name, String handler, Path codeDir) {
        return new FunctionConfig(name, handler, codeDir, DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB, Map.of(), List.of());
    }

    public FunctionConfig withHandler(String newHandler) {
        return new FunctionConfig(name, newHandler, codeDir, timeout, memoryMb, env, command, maxConcurrency);
    }

    public FunctionConfig withCodeDir(Path newCodeDir) {
        return new FunctionConfig(name, handler, newCodeDir, timeout, memoryMb, env, command, maxConcurrency);
    }

    public FunctionConfig withTimeout(Duration newTimeout) {
        return new FunctionConfig(name, handler, codeDir, newTimeout, memoryMb, env, command, maxConcurrency);
    }

    public FunctionConfig withMemoryMb(int newMemoryMb) {
        return new FunctionConfig(name, handler, codeDir, timeout, newMemoryMb, env, command, maxConcurrency);
    }

    public FunctionConfig withEnv(Map<String, String> newEnv) {
        return new FunctionConfig(name, handler, codeDir, timeout, memoryMb, newEnv, command, maxConcurrency);
    }

    public FunctionConfig withCommand(List<String> newCommand) {
        return new FunctionConfig(name, handler, codeDir, timeout, memoryMb, env, newCommand, maxConcurrency);
    }

    public FunctionConfig withMaxConcurrency(int newMaxConcurrency) {
        return new FunctionConfig(name, handler, codeDir, timeout, memoryMb, env, command, newMaxConcurrency);
    }

    /**
     * The program to start: {@link #command()}, or else the bootstrap named by the system property
     * {@value #BOOTSTRAP_PROPERTY} or the environment variable {@value #BOOTSTRAP_ENV}.
     *
     * @throws IllegalStateException when neither names an existing file
     */
    public List<String> resolvedCommand() {
        if (!command.isEmpty()) {
            return command;
        }
        String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
        String source = "system property " + BOOTSTRAP_PROPERTY;
        if (bootstrap == null || bootstrap.isBlank()) {
            bootstrap = System.getenv(BOOTSTRAP_ENV);
            source = "environment variable " + BOOTSTRAP_ENV;
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalStateException("function " + name + " has no command and no bootstrap is configured: set "
                    + "the system property " + BOOTSTRAP_PROPERTY + " or the environment variable " + BOOTSTRAP_ENV);
        }
        if (!Files.isRegularFile(Path.of(bootstrap))) {
            throw new IllegalStateException("function " + name + ": the bootstrap " + bootstrap + " (from " + source
                    + ") does not exist; set " + BOOTSTRAP_PROPERTY + " or " + BOOTSTRAP_ENV + " to the bootstrap file");
        }
        return List.of(bootstrap);
    }

    /** The timeout as Lambda prints it: seconds with two decimals, e.g. {@code 3.00}. */
    String timeoutSecondsText() {
        return Decimals.two(timeout.toMillis() / 1000.0);
    }
}
