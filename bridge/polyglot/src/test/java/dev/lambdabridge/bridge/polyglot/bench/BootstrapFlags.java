package dev.lambdabridge.bridge.polyglot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM flags runtime/core/src/main/dist/bootstrap gives a polyglot function (kept in step with it by hand), for
 * the in-process measurement, which runs WarmCalls instead of the runtime's main class.
 */
final class BootstrapFlags {
    private BootstrapFlags() {
    }

    static List<String> jvm(String java, int memoryMb, Path compilerDir) {
        List<String> flags = new ArrayList<>(List.of(java,
                "-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xss16m"));
        if (compilerDir != null) {
            StringBuilder path = new StringBuilder();
            try (Stream<Path> jars = Files.list(compilerDir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    path.append(path.isEmpty() ? "" : ":").append(jar);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            flags.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + path));
        }
        return flags;
    }
}
