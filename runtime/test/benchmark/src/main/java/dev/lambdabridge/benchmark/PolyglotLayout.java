package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A runtime directory as the polyglot suites run it: a bootstrap with lib/ (the runtime's jars) and polyglot/
 * (the bridge's lib/, optionally compiler/ and GraalVM's unpacked resources) beside it, assembled from the
 * builds, or the layers' staged directories linked into one /opt-like directory.
 */
record PolyglotLayout(Path dir) {

    Path bootstrap() {
        return dir.resolve("bootstrap");
    }

    /**
     * bootstrap + the runtime's jars (copies: an AOT cache trained here must not land in the build) + polyglot/lib
     * (and polyglot/compiler) as links. With {@code resources}, as scripts/build-layers lays the polyglot layers
     * out: GraalVM's resources unpacked in polyglot/resources instead of TruffleRuby's resources jar.
     */
    static PolyglotLayout assemble(Path dir, PolyglotOptions options, boolean withCompiler, Path resources)
            throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("polyglot"));
        try (Stream<Path> jars = Files.list(options.runtimeDist().resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve("lib").resolve(jar.getFileName()));
            }
        }
        Path bootstrap = dir.resolve("bootstrap");
        Files.copy(options.bootstrap(), bootstrap);
        bootstrap.toFile().setExecutable(true);
        Path lib = options.polyglot().resolve("lib").toAbsolutePath();
        if (resources != null) {
            Files.createDirectories(dir.resolve("polyglot/lib"));
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> !p.getFileName().toString().startsWith("ruby-resources-")).toList()) {
                    Files.createSymbolicLink(dir.resolve("polyglot/lib").resolve(jar.getFileName()), jar);
                }
            }
            Files.createSymbolicLink(dir.resolve("polyglot/resources"), resources.toAbsolutePath());
        } else {
            Files.createSymbolicLink(dir.resolve("polyglot/lib"), lib);
        }
        if (withCompiler) {
            Files.createSymbolicLink(dir.resolve("polyglot/compiler"), options.polyglot().resolve("compiler")
                    .toAbsolutePath());
        }
        return new PolyglotLayout(dir);
    }

    /** The layers' staged directories (scripts/build-layers), hard-linked into {@code dir} in this order. */
    static PolyglotLayout fromLayers(Path dir, Path layers, List<String> names) throws IOException {
        for (String name : names) {
            Path staged = layers.resolve(name);
            if (!Files.isDirectory(staged)) {
                throw new IllegalStateException("no " + staged + ": scripts/build-layers first");
            }
            try (Stream<Path> files = Files.walk(staged)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(staged.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target); // later layers over earlier ones, as Lambda unpacks them
                    Files.createLink(target, file);
                }
            }
        }
        return new PolyglotLayout(dir);
    }

    /**
     * GraalVM's internal resources of JS and Ruby, unpacked into {@code target} by layers/tools/PolyglotResources
     * (Engine.copyResources, on the bridge's jars: GraalVM stays off the harness's class path), as the layers
     * ship them.
     */
    static Path unpackResources(PolyglotOptions options, Path target) throws Exception {
        if (!Files.isDirectory(target)) {
            Process process = new ProcessBuilder(options.java(), "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow", "-cp", options.polyglot().resolve("lib") + "/*",
                    options.root().resolve("layers/tools/PolyglotResources.java").toString(), target.toString(),
                    "js", "ruby").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("Engine.copyResources into " + target + " failed: " + out);
            }
        }
        return target.toAbsolutePath();
    }
}
