package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.emulator.FunctionConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The js: bridge on this runtime's bootstrap, in the interpreter or with the optimizing runtime (polyglot/compiler
 * next to it); its in-process figure is WarmCalls (handle() alone) in a JVM with the bootstrap's flags.
 */
final class BridgeCompetitor implements Competitor {
    private final String label;
    private final Path bootstrap;
    private final boolean optimizing;
    private final BenchOptions options;

    private BridgeCompetitor(String label, Path bootstrap, boolean optimizing, BenchOptions options) {
        this.label = label;
        this.bootstrap = bootstrap;
        this.optimizing = optimizing;
        this.options = options;
    }

    /** bootstrap + the runtime's jars + polyglot/lib (and compiler/) as links, in {@code dir}. */
    static BridgeCompetitor assemble(Path dir, boolean optimizing, BenchOptions options) throws IOException {
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
        Files.createSymbolicLink(dir.resolve("polyglot/lib"), options.polyglot().resolve("lib").toAbsolutePath());
        if (optimizing) {
            Files.createSymbolicLink(dir.resolve("polyglot/compiler"),
                    options.polyglot().resolve("compiler").toAbsolutePath());
        }
        return new BridgeCompetitor(optimizing ? "in-process js: (optimizing)" : "in-process js: (interpreter)",
                bootstrap, optimizing, options);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public FunctionConfig function(String functionName, String handler, Path code, Map<String, String> env) {
        return FunctionConfig.of(functionName, "js:" + handler, code).withCommand(List.of(bootstrap.toString()))
                .withEnv(env).withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    @Override
    public double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
            throws Exception {
        List<String> command = new ArrayList<>(BootstrapFlags.jvm(options.java(), options.memory(),
                optimizing ? options.polyglot().resolve("compiler") : null));
        StringBuilder cp = new StringBuilder();
        for (Path dir : List.of(options.runtimeDist().resolve("lib"), options.polyglot().resolve("lib"))) {
            try (Stream<Path> jars = Files.list(dir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    cp.append(jar).append(':');
                }
            }
        }
        cp.append(options.testClasses());
        command.addAll(List.of("-cp", cp.toString(), "dev.lambdabridge.bridge.polyglot.WarmCalls", "js:" + handler,
                code.toString(), event.toString(), String.valueOf(warmup), String.valueOf(n)));
        return WarmCallsLine.run(new ProcessBuilder(command), env);
    }
}
