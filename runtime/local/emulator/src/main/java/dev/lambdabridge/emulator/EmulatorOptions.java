package dev.lambdabridge.emulator;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the emulator listens and where its CloudWatch-style log lines go.
 *
 * @param invokePort the Invoke API port, 0 for an ephemeral one
 * @param host       the address every server binds to
 * @param logSink    receives each log line (START/END/REPORT and the runtime's own output); must be thread-safe
 * @param optDir     where layers would be unpacked: its {@code extensions/} holds the external extensions started
 *                   with each runtime ({@code /opt} by default)
 * @param hostEnv    the emulator's own environment, where the functions' AWS credentials, profile and region
 *                   come from ({@code System.getenv()} by default)
 */
public record EmulatorOptions(int invokePort, String host, Consumer<String> logSink, java.nio.file.Path optDir,
                              java.util.Map<String, String> hostEnv) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final java.nio.file.Path DEFAULT_OPT_DIR = java.nio.file.Path.of("/opt");

    public EmulatorOptions {
        if (invokePort < 0 || invokePort > 65535) {
            throw new IllegalArgumentException("invokePort must be 0-65535, got: " + invokePort);
        }
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        logSink = Objects.requireNonNullElse(logSink, System.err::println);
        optDir = optDir == null ? DEFAULT_OPT_DIR : optDir.toAbsolutePath().normalize();
        hostEnv = hostEnv == null ? System.getenv() : java.util.Map.copyOf(hostEnv);
    }

    public EmulatorOptions(int invokePort, String host, Consumer<String> logSink, java.nio.file.Path optDir) {
        this(invokePort, host, logSink, optDir, null);
    }

    public EmulatorOptions(int invokePort, String host, Consumer<String> logSink) {
        this(invokePort, host, logSink, null, null);
    }

    public EmulatorOptions withOptDir(java.nio.file.Path dir) {
        return new EmulatorOptions(invokePort, host, logSink, dir, hostEnv);
    }

    /** The environment the functions' AWS credentials, profile and region are taken from, instead of the JVM's. */
    public EmulatorOptions withHostEnv(java.util.Map<String, String> env) {
        return new EmulatorOptions(invokePort, host, logSink, optDir, env);
    }

    /** Ephemeral port on 127.0.0.1, logs to System.err. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, DEFAULT_HOST, null);
    }

    public EmulatorOptions withInvokePort(int port) {
        return new EmulatorOptions(port, host, logSink, optDir, hostEnv);
    }

    public EmulatorOptions withHost(String newHost) {
        return new EmulatorOptions(invokePort, newHost, logSink, optDir, hostEnv);
    }

    public EmulatorOptions withLogSink(Consumer<String> sink) {
        return new EmulatorOptions(invokePort, host, sink, optDir, hostEnv);
    }
}
