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
 * <p>Each is made the way our layer's cache is ({@code scripts/build} and {@code scripts/build-layers} run
 * {@code scripts/lambda-local train-aot}), so that the comparison is like for like: the runtime, started by the
 * emulator with the bootstrap's JVM options plus the kind's own, {@code -XX:AOTCacheOutput=FILE} and its own
 * class path, serves {@value #INVOCATIONS} invocations of the same POJO sample our layer's cache is trained on
 * (samples/java-hello's {@code GreetingPojoHandler}: a runtime's own training, made before any user function is
 * known, and not one of the functions measured), then exits; the JVM
 * writes the cache as it exits (JDK 25's one-step workflow: it records, then assembles the cache in a child JVM).
 * Our bootstrap exits by itself after that many ({@code lambdabridge.trainingInvocations}); AWS's client has no
 * such switch, so it gets SIGTERM, on which the JVM runs its normal exit and writes the cache too.
 */
final class AotCacheTraining {
    static final int INVOCATIONS = 200;
    /** What scripts/build and scripts/build-layers train our layer's cache on. */
    static final String TRAINING_HANDLER = "example.hello.GreetingPojoHandler::handleRequest";
    static final String TRAINING_CODE = "samples/java-hello/target/function";
    static final String TRAINING_EVENT = "samples/java-hello/events/greeting.json";
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

    static Setup.Caches caches(List<Trained> trained, List<FunctionTrained> functions) {
        Map<RuntimeKind, Path> byKind = new EnumMap<>(RuntimeKind.class);
        trained.forEach(t -> byKind.put(t.kind(), t.file()));
        Map<BenchHandler, Path> byFunction = new EnumMap<>(BenchHandler.class);
        functions.forEach(f -> byFunction.put(f.handler(), f.codeDir()));
        return new Setup.Caches(byKind, byFunction);
    }

    /**
     * How one function's cache was made, for the report.
     *
     * @param codeDir the copy of the function's code directory that holds the cache (and the functions of the
     *                runtime kinds with a function cache run from it)
     * @param command the {@code scripts/lambda-local train-function} command line
     */
    record FunctionTrained(BenchHandler handler, Path codeDir, long bytes, double seconds, List<String> command) {
    }

    /**
     * A cache trained on each function of the run, when a runtime kind with a function cache runs: the function's
     * code directory copied to target/benchmark-fn/HANDLER (so that the other runtimes' functions stay without
     * it), then {@code scripts/lambda-local train-function} on the copy with the run's bootstrap, the function's
     * environment and its event (its default number of invocations); it writes lambda-bridge.aot and its key
     * there, where the bootstrap looks.
     */
    static List<FunctionTrained> trainFunctions(Setup setup, BenchmarkOptions options, PrintStream progress)
            throws Exception {
        List<FunctionTrained> trained = new ArrayList<>();
        if (options.runtimes().stream().noneMatch(kind -> kind.cache == RuntimeKind.Cache.FUNCTION)) {
            return trained;
        }
        Path root = options.moduleDir().resolve("../../..").normalize();
        Path script = root.resolve("scripts/lambda-local");
        if (!Files.isExecutable(script)) {
            throw new IOException("no " + script + ": a function cache is made by scripts/lambda-local train-function");
        }
        Path dir = Files.createDirectories(options.moduleDir().resolve("target/benchmark-fn"));
        for (BenchHandler handler : BenchHandler.values()) {
            if (!options.runs(handler)) {
                continue;
            }
            long start = System.nanoTime();
            Path copy = dir.resolve(handler.id);
            deleteTree(copy);
            copyTree(handler.codeDir(options.moduleDir()), copy);
            Path event = dir.resolve(handler.id + "-event.json");
            Files.write(event, handler.event);
            List<String> command = new ArrayList<>(List.of(script.toString(), "train-function", "--code",
                    copy.toString(), "--handler", handler.handler, "--event", event.toString(), "--bootstrap",
                    setup.bootstrap().toString(), "--memory", Integer.toString(setup.memoryMb())));
            handler.env.forEach((name, value) -> {
                command.add("--env");
                command.add(name + "=" + value);
            });
            Path log = dir.resolve(handler.id + "-train.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // scripts/lambda-local builds the project when it is stale: not in the middle of a benchmark
            builder.environment().put("LB_BUILDING", "1");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(EXIT_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("scripts/lambda-local train-function on " + handler.label + " did not finish in "
                        + EXIT_WAIT_MILLIS / 1000 + " s; its log: " + log);
            }
            Path cache = copy.resolve("lambda-bridge.aot");
            if (process.exitValue() != 0 || !Files.isRegularFile(cache)) {
                throw new IOException("scripts/lambda-local train-function on " + handler.label + " failed (exit "
                        + process.exitValue() + "):\n" + Files.readString(log));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.printf("AOT cache: %s trained by scripts/lambda-local train-function in %.1f s: %s (%d KiB)%n",
                    handler.label, seconds, cache, Files.size(cache) / 1024);
            trained.add(new FunctionTrained(handler, copy, Files.size(cache), seconds, command));
        }
        return trained;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().startsWith("lambda-bridge.aot")) {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static Trained train(Setup setup, RuntimeKind kind, Path output, PrintStream progress) throws Exception {
        Files.deleteIfExists(output);
        long start = System.nanoTime();
        String name = "train-" + kind.id;
        Path root = setup.moduleDir().resolve("../../..").normalize();
        Path code = root.resolve(TRAINING_CODE);
        if (!Files.isDirectory(code)) {
            throw new IOException("no training function at " + code + ": build samples/java-hello (scripts/build does)");
        }
        byte[] event = Files.readAllBytes(root.resolve(TRAINING_EVENT));
        var function = setup.training(name, kind, code, TRAINING_HANDLER, output, INVOCATIONS);
        long pid;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function);
            InvokeResult last = null;
            for (int i = 1; i <= INVOCATIONS; i++) {
                last = emulator.invoke(name, InvokeRequest.of(event));
                if (last.statusCode() != 200 || last.isFunctionError()) {
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
                TRAINING_HANDLER, INVOCATIONS, seconds, output, Files.size(output) / 1024);
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
