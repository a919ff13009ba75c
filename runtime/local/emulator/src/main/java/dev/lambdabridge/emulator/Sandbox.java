package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One execution environment of a function: its runtime process and the external extensions started with it, as
 * Lambda runs them. Its life: INIT (started; the runtime has not asked for an event yet) → READY (the runtime's
 * first {@code GET next}: init is over) → RETIRED (it timed out, crashed, failed its init, or the emulator closed;
 * it takes no more invocations, its extensions are in their shutdown phase, the caller kills its runtime).
 * Guarded by its function's lock; the log callbacks read only the volatile state.
 */
final class Sandbox {
    enum State { INIT, READY, RETIRED }

    private volatile State state = State.INIT;
    private volatile ExtensionHost extensions;
    private RuntimeProcess runtime;
    private Double initDurationMs;
    /** SnapStart: when the runtime's {@code GET restore/next} was answered (ms since its start), else null. */
    private Double restoredAtMs;
    private String metadataToken;

    private Sandbox() {
    }

    /**
     * Starts the extensions of {@code <optDir>/extensions}, then the runtime, as Lambda does. The runtime's lines go
     * to {@code runtimeLog} and to the Telemetry API ({@code function}), the extensions' lines to
     * {@code extensionLog} and to the Telemetry API ({@code extension}).
     *
     * @throws IOException           when a program cannot be started (the message names it); nothing is left running
     * @throws IllegalStateException when the function has no runtime command
     */
    static Sandbox start(FunctionConfig config, Path optDir, int runtimeApiPort, Map<String, String> hostEnv,
                         Consumer<String> runtimeLog, Consumer<String> extensionLog, Consumer<RuntimeProcess> onStart)
            throws IOException {
        Sandbox sandbox = new Sandbox();
        sandbox.metadataToken = Ids.token();
        Launch launch = new Launch(config, runtimeApiPort, hostEnv, sandbox.metadataToken);
        sandbox.extensions = ExtensionHost.start(launch, optDir, line -> {
            extensionLog.accept(line);
            sandbox.publish("extension", line);
        }, onStart);
        try {
            sandbox.runtime = RuntimeProcess.start(launch, config.resolvedCommand(), line -> {
                runtimeLog.accept(line);
                sandbox.publish("function", line);
            });
        } catch (IOException | IllegalStateException e) {
            sandbox.extensions.processes().forEach(RuntimeProcess::kill);
            throw e;
        }
        onStart.accept(sandbox.runtime);
        return sandbox;
    }

    private void publish(String type, String line) {
        ExtensionHost host = extensions;
        if (state != State.RETIRED && host != null && host.hasSubscribers()) {
            host.publish(type, TextNode.valueOf(line));
        }
    }

    State state() {
        return state;
    }

    /** Whether {@code token} is this sandbox's metadata token (AWS_LAMBDA_METADATA_TOKEN). */
    boolean hasMetadataToken(String token) {
        return token != null && java.security.MessageDigest.isEqual(
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                metadataToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    RuntimeProcess runtime() {
        return runtime;
    }

    ExtensionHost extensions() {
        return extensions;
    }

    /**
     * The runtime's {@code GET next}: the first one moves INIT → READY and returns the init duration (ms); later
     * ones return null.
     */
    Double next() {
        if (state != State.INIT) {
            return null;
        }
        state = State.READY;
        initDurationMs = runtime.msSinceStart();
        return initDurationMs;
    }

    /**
     * SnapStart's {@code GET restore/next}: allowed once, during INIT (before the first {@code GET next}); marks
     * the restore, which is at once here (there is no snapshot), and says whether it was allowed.
     */
    boolean restore() {
        if (state != State.INIT || restoredAtMs != null) {
            return false;
        }
        restoredAtMs = runtime.msSinceStart();
        return true;
    }

    /** The time since the restore (the after-restore hooks so far), or null without a restore. */
    Double restoreDurationMs() {
        return restoredAtMs == null ? null : runtime.msSinceStart() - restoredAtMs;
    }

    /** The init duration: until the first {@code GET next}, or so far when the runtime never asked. */
    double initDurationMs() {
        return initDurationMs != null ? initDurationMs : runtime.msSinceStart();
    }

    /** INIT or READY → RETIRED; returns false when it was retired already. */
    boolean retire() {
        if (state == State.RETIRED) {
            return false;
        }
        state = State.RETIRED;
        return true;
    }
}
