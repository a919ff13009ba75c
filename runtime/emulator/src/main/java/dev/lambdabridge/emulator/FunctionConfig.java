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
 * @param command the runtime program and its arguments; empty means the lambda-bridge bootstrap (see
 *                {@link #resolvedCommand()})
 */
public record FunctionConfig(
        String name, String handler, Path codeDir, Duration timeout, int memoryMb,
        Map<String, String> env, List<String> command) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MEMORY_MB = 512;
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
    }

    /** A function with the default timeout (3 s), memory (512 MB), no extra env and the default bootstrap. */
    public static FunctionConfig of(String name, String handler, Path codeDir) {
        return new FunctionConfig(name, handler, codeDir, DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB, Map.of(), List.of());
    }

    public FunctionConfig withHandler(String newHandler) {
        return new FunctionConfig(name, newHandler, codeDir, timeout, memoryMb, env, command);
    }

    public FunctionConfig withCodeDir(Path newCodeDir) {
        return new FunctionConfig(name, handler, newCodeDir, timeout, memoryMb, env, command);
    }

    public FunctionConfig withTimeout(Duration newTimeout) {
        return new FunctionConfig(name, handler, codeDir, newTimeout, memoryMb, env, command);
    }

    public FunctionConfig withMemoryMb(int newMemoryMb) {
        return new FunctionConfig(name, handler, codeDir, timeout, newMemoryMb, env, command);
    }

    public FunctionConfig withEnv(Map<String, String> newEnv) {
        return new FunctionConfig(name, handler, codeDir, timeout, memoryMb, newEnv, command);
    }

    public FunctionConfig withCommand(List<String> newCommand) {
        return new FunctionConfig(name, handler, codeDir, timeout, memoryMb, env, newCommand);
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
