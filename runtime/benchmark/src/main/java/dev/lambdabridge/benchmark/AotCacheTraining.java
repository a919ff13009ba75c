package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The AOT caches the harness makes before a run, for the runtime kinds whose cache is {@code TRAINED}: AWS's
 * client with a cache of its own (as the java25 managed runtime ships one), and our settings candidates whose
 * cache must be trained with their own JVM options (a tiered cache holds method profiles, JEP 515; a C1-only one
 * does not).
 *
 * <p>Each is made the way our layer's cache is ({@code scripts/lambda-local train-aot}), so that the comparison
 * is like for like: the runtime, started by the emulator with the bootstrap's JVM options plus the kind's own,
 * {@code -XX:AOTCacheOutput=FILE} and its own class path, serves {@value #INVOCATIONS} invocations of the hello
 * POJO handler (a runtime's own training: no user function is known when a runtime ships), then exits; the JVM
 * writes the cache as it exits (JDK 25's one-step workflow: it records, then assembles the cache in a child JVM).
 * Our bootstrap exits by itself after that many ({@code lambdabridge.trainingInvocations}); AWS's client has no
 * such switch, so it gets SIGTERM, on which the JVM runs its normal exit and writes the cache too.
 */
final class AotCacheTraining {
    static final int INVOCATIONS = 200;
    static final BenchHandler TRAINING_HANDLER = BenchHandler.HELLO_POJO;
    private static final long EXIT_WAIT_MILLIS = 300_000;

    /**
     * How one cache was made, for the report.
     *
     * @param command the runtime's command line during training (env: the bootstrap's LAMBDA_BRIDGE_* variables)
     */
    record Trained(RuntimeKind kind, Path file, long bytes, double seconds, List<String> command,
                   Map<String, String> env) {
    }

    private AotCacheTraining() {
    }

    /** Trains a cache for every runtime kind of the run that needs one; returns them with how each was made. */
    static List<Trained> trainAll(Setup setup, BenchmarkOptions options, PrintStream progress) throws Exception {
        Path dir = Files.createDirectories(options.moduleDir().resolve("target/benchmark-aot"));
        List<Trained> trained = new ArrayList<>();
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (options.runs(kind) && kind.cache == RuntimeKind.Cache.TRAINED) {
                trained.add(train(setup, kind, dir.resolve(kind.id + ".aot"), progress));
            }
        }
        return trained;
    }

    static Setup.Caches caches(List<Trained> trained) {
        Map<RuntimeKind, Path> byKind = new EnumMap<>(RuntimeKind.class);
        trained.forEach(t -> byKind.put(t.kind(), t.file()));
        return new Setup.Caches(byKind, Map.of());
    }

    private static Trained train(Setup setup, RuntimeKind kind, Path output, PrintStream progress) throws Exception {
        Files.deleteIfExists(output);
        long start = System.nanoTime();
        String name = "train-" + kind.id;
        var function = setup.training(name, kind, TRAINING_HANDLER, output, INVOCATIONS);
        long pid;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function);
            InvokeResult last = null;
            for (int i = 1; i <= INVOCATIONS; i++) {
                last = emulator.invoke(name, InvokeRequest.of(TRAINING_HANDLER.event));
                if (last.statusCode() != 200 || last.isFunctionError()
                        || !TRAINING_HANDLER.isExpected(last.payload())) {
                    throw new IllegalStateException(kind.label + ": training invocation " + i + " answered "
                            + last.statusCode() + ": " + last.payloadText());
                }
            }
            pid = last.pid();
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process != null && !kind.isOurs()) {
                process.destroy();
            }
            // the JVM writes the cache on its way out; closing the emulator before would kill it
            long deadline = System.currentTimeMillis() + EXIT_WAIT_MILLIS;
            while (process != null && process.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            if (process != null && process.isAlive()) {
                throw new IllegalStateException(kind.label + ": the training JVM (pid " + pid + ") still runs "
                        + EXIT_WAIT_MILLIS / 1000 + " s after its last invocation");
            }
        }
        if (!Files.isRegularFile(output) || Files.size(output) == 0) {
            throw new IOException(kind.label + ": the training JVM exited without writing " + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.printf("AOT cache: %s trained on %s (%d invocations) in %.1f s: %s (%d KiB)%n", kind,
                TRAINING_HANDLER.label, INVOCATIONS, seconds, output, Files.size(output) / 1024);
        return new Trained(kind, output, Files.size(output), seconds, function.command(), trainingEnv(function.env()));
    }

    private static Map<String, String> trainingEnv(Map<String, String> env) {
        Map<String, String> shown = new java.util.TreeMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("LAMBDA_BRIDGE_")) {
                shown.put(key, value);
            }
        });
        return shown;
    }
}
