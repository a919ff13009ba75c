package dev.lambdabridge.reliability;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the hostile-input and security tests run on: the emulator (127.0.0.1) and the runtime with every bridge
 * (layers/dist's bootstrap), and the paths of the module's test functions.
 */
public final class HostedRuntime {
    private HostedRuntime() {
    }

    /** layers/dist's bootstrap (system property {@code lambdabridge.bootstrap}), checked to exist. */
    public static Path bootstrap() {
        Path bootstrap = Path.of(System.getProperty("lambdabridge.bootstrap")).toAbsolutePath();
        if (!Files.isExecutable(bootstrap)) {
            throw new IllegalStateException("no runtime at " + bootstrap + ": build layers/dist first (scripts/build)");
        }
        return bootstrap;
    }

    public static Path resources() {
        return Path.of(System.getProperty("reliability.resources"));
    }

    /** The Java test functions' task root (target/function). */
    public static Path javaFunction() {
        return Path.of(System.getProperty("reliability.function"));
    }

    public static Path shims() {
        return Path.of(System.getProperty("reliability.shims"));
    }

    public static Emulator emulator(Consumer<String> log) {
        return Emulator.start(EmulatorOptions.defaults().withLogSink(log));
    }

    /** A function on layers/dist's bootstrap. */
    public static FunctionConfig function(String name, String handler, Path code) {
        return FunctionConfig.of(name, handler, code).withCommand(List.of(bootstrap().toString()));
    }
}
