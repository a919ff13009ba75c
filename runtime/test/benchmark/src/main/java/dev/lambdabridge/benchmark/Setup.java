package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How each runtime is started: one JVM (this harness's own, which scripts/bench picks: Temurin 25, or the one
 * {@code --jre} names), the JVM options our bootstrap uses, the same functions.
 *
 * @param java          the java binary the RIC and the raw loop run on; our bootstrap gets its JAVA_HOME
 * @param flags         the bootstrap's JVM options, given to the RIC and the raw loop too
 * @param bootstrap     runtime/core/target/dist/bootstrap
 * @param baselineBootstrap the {@code ours-baseline} runtime's bootstrap (another build), or null
 * @param moduleDir     runtime/test/benchmark: its target/function is the task root of the benchmark's own handlers
 * @param ricClassPath  AWS's runtime interface client and its dependencies (target/ric-lib), as an explicit
 *                      sorted class path (an AOT cache is only used with the class path it was made with)
 * @param rawClassPath  {@link RawSocketEchoRuntime} in a jar of its own (target/raw-loop.jar), see rawLoopJar
 * @param caches        the AOT caches the harness trained (see {@link AotCacheTraining}); empty until then
 */
record Setup(Path java, Path javaHome, JvmFlags flags, Path bootstrap, Path baselineBootstrap, Path moduleDir, String ricClassPath,
             Path rawClassPath, int memoryMb, Caches caches) {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * The trained AOT caches: one file per runtime kind ({@code Cache.TRAINED}), and per function a copy of its
     * code directory holding the cache {@code scripts/lambda-local train-function} made in it, where our bootstrap
     * finds it ({@code Cache.FUNCTION}; the other runtimes run the function from its own directory, without it).
     */
    record Caches(Map<RuntimeKind, Path> byKind, Map<BenchHandler, Path> byFunction) {
        Caches {
            byKind = Map.copyOf(byKind);
            byFunction = Map.copyOf(byFunction);
        }

        static Caches none() {
            return new Caches(Map.of(), Map.of());
        }
    }

    static Setup prepare(BenchmarkOptions options) throws IOException {
        Path javaHome = options.jre();
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java at " + java + " (--jre " + javaHome + ")");
        }
        if (Runtime.version().feature() < 25) {
            throw new IOException("the benchmark's harness runs on Java " + Runtime.version()
                    + ": run it on Java 25 or newer (scripts/bench finds one)");
        }
        Path module = options.moduleDir();
        Path ricLib = module.resolve("target/ric-lib");
        for (BenchHandler handler : options.handlers()) {
            Path code = handler.codeDir(module);
            requireDir(code, handler.label + "'s task root", handler.isFramework()
                    ? "build it with mvn -o install -DskipTests -pl samples/frameworks/" + handler.sample + " -am "
                            + "(scripts/bench --frameworks does)"
                    : "build runtime/test/benchmark with mvn -o package (scripts/bench does)");
        }
        String ricClassPath = "";
        if (options.runtimes().stream().anyMatch(kind -> kind.program == RuntimeKind.Program.RIC)) {
            requireDir(ricLib, "AWS's runtime interface client and its dependencies",
                    "build runtime/test/benchmark with mvn -o package (scripts/bench does)");
            try (Stream<Path> jars = Files.list(ricLib)) {
                ricClassPath = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted()
                        .collect(Collectors.joining(":"));
            }
        }
        JvmFlags flags;
        boolean javaRuntimes = options.runtimes().stream().anyMatch(kind -> kind.program != RuntimeKind.Program.RAW);
        if (Files.isRegularFile(options.bootstrap())) {
            flags = JvmFlags.fromBootstrap(options.bootstrap(), options.memoryMb());
        } else if (javaRuntimes) {
            throw new IOException("no bootstrap at " + options.bootstrap() + ": build it with mvn -o package -pl "
                    + "runtime/core -am (scripts/bench does)");
        } else {
            flags = JvmFlags.none("no bootstrap at " + options.bootstrap() + "; only the raw loop runs");
        }
        Path rawClassPath = rawLoopJar(module);
        return new Setup(java, javaHome, flags, options.bootstrap(), options.baselineBootstrap(), module, ricClassPath, rawClassPath,
                options.memoryMb(), Caches.none());
    }

    Setup withCaches(Caches trained) {
        return new Setup(java, javaHome, flags, bootstrap, baselineBootstrap, moduleDir, ricClassPath, rawClassPath, memoryMb, trained);
    }

    /** The benchmark's own handlers' task root (target/function). */
    Path functionDir() {
        return moduleDir.resolve("target/function");
    }

    /** A function that runs the handler on the runtime; extra JVM options (profiling) are added to its JVM. */
    FunctionConfig function(String name, RuntimeKind kind, BenchHandler handler, List<String> extraJvmOptions) {
        return config(name, kind, handler, jvmOptions(kind, handler, extraJvmOptions));
    }

    /**
     * A function whose runtime writes an AOT cache to {@code output} when its JVM exits ({@code
     * -XX:AOTCacheOutput}): the kind's own JVM options, no cache to read; our bootstrap also exits by itself after
     * {@code invocations} ({@code lambdabridge.trainingInvocations}).
     */
    /**
     * {@link RawSocketEchoRuntime}'s classes (and {@link HttpHead}'s) in a jar of their own (target/raw-loop.jar), made from where they were
     * loaded: the JVM's AOT cache takes only jar files on the class path (not target/classes), and the raw loop gets
     * one as the other runtimes do (raw-aot).
     */
    private static Path rawLoopJar(Path module) throws IOException {
        Path classes;
        try {
            classes = Path.of(RawSocketEchoRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IOException("cannot tell where " + RawSocketEchoRuntime.class.getName() + " was loaded from", e);
        }
        if (!Files.isDirectory(classes)) {
            return classes; // already a jar
        }
        // the loop and the one class it uses (its own HTTP reading)
        List<String> prefixes = List.of(RawSocketEchoRuntime.class.getName().replace('.', '/'),
                HttpHead.class.getName().replace('.', '/'));
        Path jar = Files.createDirectories(module.toAbsolutePath().resolve("target")).resolve("raw-loop.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String entry = classes.relativize(file).toString().replace('\\', '/');
                if (Files.isRegularFile(file) && prefixes.stream().anyMatch(prefix -> entry.equals(prefix + ".class")
                        || entry.startsWith(prefix + "$"))) {
                    out.putNextEntry(new java.util.jar.JarEntry(entry));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    FunctionConfig training(String name, RuntimeKind kind, Path code, String handler, Path output, int invocations) {
        List<String> options = new ArrayList<>(kind.jvmOptions);
        options.add("-XX:AOTCacheOutput=" + output);
        if (kind.isOurs()) {
            options.add("-Dlambdabridge.trainingInvocations=" + invocations);
        }
        Options trainingOptions = new Options(options, false);
        return FunctionConfig.of(name, handler, code)
                .withTimeout(TIMEOUT)
                .withMemoryMb(memoryMb)
                .withEnv(env(kind, Map.of(), trainingOptions))
                .withCommand(command(kind, handler, trainingOptions));
    }

    private FunctionConfig config(String name, RuntimeKind kind, BenchHandler handler, Options options) {
        return FunctionConfig.of(name, handler.handler, codeDir(kind, handler))
                .withTimeout(TIMEOUT)
                .withMemoryMb(memoryMb)
                .withEnv(env(kind, handler.env, options))
                .withCommand(command(kind, handler.handler, options));
    }

    /**
     * The JVM options a runtime gets after the bootstrap's: the kind's, the cache the harness trained for it,
     * the extra ones; and whether our bootstrap adds its dist's cache itself.
     */
    private record Options(List<String> jvmOptions, boolean shippedCache) {
    }

    private Options jvmOptions(RuntimeKind kind, BenchHandler handler, List<String> extra) {
        List<String> options = new ArrayList<>(kind.jvmOptions);
        if (kind.cache == RuntimeKind.Cache.TRAINED) {
            Path cache = caches.byKind().get(kind);
            if (cache == null) {
                throw new IllegalStateException(kind.label + " needs an AOT cache, and none was trained");
            }
            options.add("-XX:AOTCache=" + cache);
        }
        options.addAll(extra);
        // a function's cache is in its code directory: the bootstrap finds it there, and uses the layer's without it
        return new Options(options, kind.cache == RuntimeKind.Cache.SHIPPED || kind.cache == RuntimeKind.Cache.FUNCTION);
    }

    /** Where a runtime runs the function from: its own directory, or the copy with the function's cache. */
    Path codeDir(RuntimeKind kind, BenchHandler handler) {
        if (kind.cache != RuntimeKind.Cache.FUNCTION) {
            return handler.codeDir(moduleDir);
        }
        Path trained = caches.byFunction().get(handler);
        if (trained == null) {
            throw new IllegalStateException(kind.label + " needs a cache trained on " + handler.label
                    + " (scripts/lambda-local train-function), and none was made");
        }
        return trained;
    }

    List<String> command(RuntimeKind kind, BenchHandler handler, List<String> extraJvmOptions) {
        return command(kind, handler.handler, jvmOptions(kind, handler, extraJvmOptions));
    }

    private List<String> command(RuntimeKind kind, String handler, Options options) {
        if (kind == RuntimeKind.OURS_BASELINE) {
            if (baselineBootstrap == null || !Files.isExecutable(baselineBootstrap)) {
                throw new IllegalStateException("the ours-baseline runtime needs --baseline-bootstrap FILE, an "
                        + "executable bootstrap; got " + baselineBootstrap);
            }
            return List.of(baselineBootstrap.toString());
        }
        if (kind.isOurs()) {
            return List.of(bootstrap.toString());
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags.options());
        command.addAll(options.jvmOptions());
        command.add("-cp");
        if (kind.program == RuntimeKind.Program.RIC) {
            command.add(ricClassPath);
            command.add(RIC_MAIN);
            command.add(handler);
        } else {
            command.add(rawClassPath.toString());
            command.add(RawSocketEchoRuntime.class.getName());
        }
        return command;
    }

    /**
     * The function's own variables, and the runtime's: our bootstrap finds the JVM through JAVA_HOME, takes extra
     * options from LAMBDA_BRIDGE_JVM_OPTS, and leaves its dist's cache out with LAMBDA_BRIDGE_AOT=off.
     */
    private Map<String, String> env(RuntimeKind kind, Map<String, String> functionEnv, Options options) {
        Map<String, String> env = new HashMap<>(functionEnv);
        env.put("JAVA_HOME", javaHome.toString());
        if (kind.isOurs()) {
            if (!options.jvmOptions().isEmpty()) {
                env.put("LAMBDA_BRIDGE_JVM_OPTS", String.join(" ", options.jvmOptions()));
            }
            if (!options.shippedCache()) {
                env.put("LAMBDA_BRIDGE_AOT", "off");
            }
        }
        return env;
    }

    /** What a runtime kind's environment adds to the function's, for the report. */
    Map<String, String> runtimeEnv(RuntimeKind kind, BenchHandler handler) {
        Map<String, String> env = new TreeMap<>(env(kind, handler.env, jvmOptions(kind, handler, List.of())));
        handler.env.keySet().forEach(env::remove);
        return env;
    }

    /**
     * Lambda's environment for a runtime started without the emulator (against the minimal server), as the
     * emulator gives it, less {@code AWS_LAMBDA_RUNTIME_API}, which the server adds.
     */
    Map<String, String> directEnv(RuntimeKind kind, BenchHandler handler, String name) {
        Map<String, String> env = new HashMap<>(env(kind, handler.env, jvmOptions(kind, handler, List.of())));
        env.put("_HANDLER", handler.handler);
        env.put("LAMBDA_TASK_ROOT", codeDir(kind, handler).toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(TIMEOUT.toSeconds()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]" + name);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private static void requireDir(Path dir, String what, String how) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no " + what + " at " + dir + ": " + how);
        }
    }
}
