package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The runtime as it ships, for the end-to-end tests: bootstrap + lib/*.jar of runtime/core/target/dist (without
 * its AOT cache) + polyglot/ as a link to this module's target/dist/polyglot, assembled in {@code dir}.
 */
public final class RuntimeDist {
    private RuntimeDist() {
    }

    /** Assembles the runtime in {@code dir} and returns its bootstrap. */
    public static Path assemble(Path dir) throws IOException {
        Path dist = Path.of(System.getProperty("runtime.dist"));
        Path polyglot = Path.of(System.getProperty("lambdabridge.polyglot.dist"));
        assertTrue(Files.isDirectory(dist.resolve("lib")), "no " + dist + "/lib: build runtime/core first "
                + "(mvn -o -q install -pl runtime/serialization,runtime/core -DskipTests)");
        assertTrue(Files.isDirectory(polyglot.resolve("lib")), "no " + polyglot + "/lib: mvn package this module");
        Files.createDirectories(dir.resolve("lib"));
        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve("lib").resolve(jar.getFileName()));
            }
        }
        Path bootstrap = dir.resolve("bootstrap");
        Files.copy(Path.of(System.getProperty("runtime.bootstrapSource")), bootstrap, StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(bootstrap.toFile().setExecutable(true));
        Files.createSymbolicLink(dir.resolve("polyglot"), polyglot.toAbsolutePath());
        return bootstrap;
    }
}
