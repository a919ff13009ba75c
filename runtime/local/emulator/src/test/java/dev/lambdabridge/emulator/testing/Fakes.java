package dev.lambdabridge.emulator.testing;

import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Function configs that run {@link FakeRuntime} as the runtime process. */
public final class Fakes {
    private Fakes() {
    }

    /** The command: this JVM's java, the test classes, the fake's main class. */
    public static List<String> command() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), FakeRuntime.class.getName());
    }

    public static FunctionConfig function(String name, String mode) {
        return FunctionConfig.of(name, "fake.Handler::handle", Path.of("target"))
                .withTimeout(Duration.ofSeconds(3))
                .withEnv(Map.of("FAKE_MODE", mode))
                .withCommand(command());
    }
}
