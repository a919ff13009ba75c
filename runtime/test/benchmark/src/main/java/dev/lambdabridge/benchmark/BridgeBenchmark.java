package dev.lambdabridge.benchmark;

import dev.lambdabridge.benchmark.Language.Mode;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process-bridge benchmark behind {@code scripts/bench-bridges}: per language (PHP, Ruby, Go, Python, Node.js), the sample
 * programs of samples/scripts through the emulator and the runtime with every bridge (layers/dist's bootstrap),
 * per invocation ({@code exec:}) and as a persistent worker ({@code worker:}), beside the bare start of the
 * interpreter or binary, all in one run.
 *
 * <ol>
 *   <li>Starts one long-lived function per language and mode, plus a Java baseline (an in-JVM stream handler that
 *       echoes the event, on the same bootstrap), and warms each up.</li>
 *   <li>Cold starts: each function anew, {@code --cold} rounds, each round in an emulator of its own, the order
 *       rotating; the runtime and its worker are killed after the first response.</li>
 *   <li>Warm round trips, timed around {@code Emulator.invoke}, interleaved with the bare starts and with direct
 *       runs of the exec: programs (both with {@link ProcessBuilder}, waited for): every measurement is split into
 *       {@code --rounds} blocks, and each round takes one block of each, in an order that rotates.</li>
 * </ol>
 * {@link BridgeReport} makes the report of its findings.
 */
public final class BridgeBenchmark {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String BASELINE_HANDLER = BenchHandler.STREAM_ECHO.handler;
    private static final File DEV_NULL = new File("/dev/null");

    private final BridgeOptions options;
    private final PrintStream progress;
    private final EmulatorLog log = new EmulatorLog();
    private final byte[] event = Language.EVENT.getBytes(StandardCharsets.UTF_8);
    private final InvokeRequest request = InvokeRequest.of(Language.EVENT);

    BridgeBenchmark(BridgeOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** One function the benchmark hosts: a language in one mode, or the Java baseline (language null). */
    record Case(Language language, Mode mode) {
        static final Case BASELINE = new Case(null, null);

        String id() {
            return language == null ? "java-echo" : language.id + "-" + mode.id;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Runs everything and returns the findings; writes nothing but progress lines. */
    BridgeResults.Report run() throws Exception {
        List<Language> languages = options.languageList();
        check(languages);
        String loadAtStart = Machine.loadAverage();
        List<Case> cases = new ArrayList<>();
        for (Language language : languages) {
            cases.add(new Case(language, Mode.EXEC));
            cases.add(new Case(language, Mode.WORKER));
        }
        cases.add(Case.BASELINE);
        progress.printf("bridge benchmark: %s on %s; event %s%n", cases, options.bootstrap(), Language.EVENT);

        Map<Case, Samples> warm = new LinkedHashMap<>();
        Map<Case, List<ColdStarts.Start>> cold;
        Map<Language, long[][]> starts = new LinkedHashMap<>();
        try (Emulator emulator = log.start()) {
            for (Case c : cases) {
                warm.put(c, startWarm(emulator, c));
            }
            cold = ColdStarts.run(log, cases, options.coldStarts(), (c, name) -> function(name, c), c -> request,
                    this::check, progress);
            for (Language language : languages) {
                starts.put(language, new long[][] {new long[options.starts()], new long[options.starts()]});
            }
            measure(emulator, warm, starts);
        }

        List<BridgeResults.Row> rows = new ArrayList<>();
        List<BridgeResults.Starts> startStats = new ArrayList<>();
        for (Language language : languages) {
            for (Mode mode : Mode.values()) {
                Case c = new Case(language, mode);
                rows.add(new BridgeResults.Row(language, mode, warm.get(c).stats(), BridgeResults.Cold.of(cold.get(c))));
            }
            long[][] s = starts.get(language);
            startStats.add(new BridgeResults.Starts(language, millis(s[0]), millis(s[1])));
        }
        BridgeResults.Baseline baseline = new BridgeResults.Baseline(BASELINE_HANDLER, warm.get(Case.BASELINE).stats(),
                BridgeResults.Cold.of(cold.get(Case.BASELINE)));
        Machine.Environment environment = Machine.describe(options.command(), loadAtStart, options.moduleDir(),
                interpreters());
        BridgeResults.Report partial = new BridgeResults.Report(environment, aotCache(), options, rows, startStats,
                baseline, List.of());
        return new BridgeResults.Report(environment, partial.aotCache(), options, rows, startStats, baseline,
                BridgeGoals.check(partial));
    }

    // ---- 0. what must be there ----

    private void check(List<Language> languages) throws IOException, InterruptedException {
        if (!Files.isExecutable(options.bootstrap())) {
            throw new IOException("no executable bootstrap at " + options.bootstrap() + ": scripts/build makes "
                    + "layers/dist (scripts/bench-bridges does)");
        }
        if (!Files.isDirectory(options.moduleDir().resolve("target/function/benchmark/handlers"))) {
            throw new IOException("no Java baseline handler in " + options.moduleDir().resolve("target/function")
                    + ": build runtime/test/benchmark (mvn -o package -pl runtime/test/benchmark)");
        }
        for (Language language : languages) {
            for (Path file : language.requiredFiles(options.samples())) {
                if (!Files.isRegularFile(file)) {
                    throw new IOException("no " + file + (language == Language.GO
                            ? ": samples/scripts/build.sh builds the Go samples (scripts/build runs it)" : ""));
                }
            }
            try {
                runBare(language);
            } catch (IOException | IllegalStateException e) {
                throw new IOException(language.label + ": " + language.bareStartLabel + " does not run ("
                        + e.getMessage() + "); the benchmark needs php-cli, ruby, golang-go, python3 and node on PATH", e);
            }
        }
    }

    // ---- 1. the long-lived functions ----

    /** The samples of one function: round trips, the emulator's Durations, the last result. */
    private static final class Samples {
        final Case c;
        final String name;
        long[] roundTrips = new long[0];
        long[] durations = new long[0];
        InvokeResult last;

        Samples(Case c, String name) {
            this.c = c;
            this.name = name;
        }

        void size(int n) {
            roundTrips = new long[n];
            durations = new long[n];
        }

        BridgeResults.Warm stats() {
            return new BridgeResults.Warm(Stats.micros(roundTrips), Stats.micros(durations), last.maxMemoryUsedMb());
        }
    }

    private Samples startWarm(Emulator emulator, Case c) {
        Samples samples = new Samples(c, "warm-" + c.id());
        emulator.addFunction(function(samples.name, c));
        long start = System.nanoTime();
        samples.last = invoke(emulator, c, samples.name);
        double firstMs = (System.nanoTime() - start) / 1e6;
        int warmUp = warmUp(c);
        for (int i = 0; i < warmUp; i++) {
            samples.last = invoke(emulator, c, samples.name);
        }
        samples.size(c.mode() == Mode.EXEC ? options.execInvokes() : options.workerInvokes());
        progress.printf("warm-up: %s started (pid %d, first response after %.0f ms) and invoked %d more times%n", c,
                samples.last.pid(), firstMs, warmUp);
        return samples;
    }

    private int warmUp(Case c) {
        return c.mode() == Mode.EXEC ? options.execWarmUp() : options.workerWarmUp();
    }

    FunctionConfig function(String name, Case c) {
        String handler = c.language() == null ? BASELINE_HANDLER : c.language().handler(c.mode());
        Path code = c.language() == null ? options.moduleDir().resolve("target/function")
                : options.samples().resolve(c.language().codeDir);
        return FunctionConfig.of(name, handler, code)
                .withCommand(List.of(options.bootstrap().toString()))
                .withTimeout(TIMEOUT)
                .withMemoryMb(options.memoryMb())
                .withEnv(Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    // ---- 2. cold starts ----

    // ---- 3. warm round trips, bare starts and direct runs, interleaved ----

    /** One block of one measurement: samples [from, to) of its array. */
    private interface Block {
        void run(int round) throws Exception;
    }

    private void measure(Emulator emulator, Map<Case, Samples> warm, Map<Language, long[][]> starts)
            throws Exception {
        int rounds = options.rounds();
        List<Block> blocks = new ArrayList<>();
        for (Language language : starts.keySet()) {
            for (Mode mode : Mode.values()) {
                Samples samples = warm.get(new Case(language, mode));
                blocks.add(round -> invokeBlock(emulator, samples, round, rounds));
            }
            long[][] s = starts.get(language);
            blocks.add(round -> {
                for (int i = from(s[0].length, round, rounds); i < from(s[0].length, round + 1, rounds); i++) {
                    s[0][i] = runBare(language);
                }
            });
            blocks.add(round -> {
                for (int i = from(s[1].length, round, rounds); i < from(s[1].length, round + 1, rounds); i++) {
                    s[1][i] = runDirect(language);
                }
            });
        }
        Samples baseline = warm.get(Case.BASELINE);
        blocks.add(round -> invokeBlock(emulator, baseline, round, rounds));
        int every = Math.max(1, rounds / 10);
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < blocks.size(); k++) {
                blocks.get((k + round) % blocks.size()).run(round);
            }
            if ((round + 1) % every == 0 || round + 1 == rounds) {
                progress.printf("round %d/%d: %.1f s so far; load average %s%n", round + 1, rounds,
                        (System.nanoTime() - start) / 1e9, Machine.loadAverage());
            }
        }
    }

    private void invokeBlock(Emulator emulator, Samples samples, int round, int rounds) {
        int n = samples.roundTrips.length;
        for (int i = from(n, round, rounds); i < from(n, round + 1, rounds); i++) {
            long start = System.nanoTime();
            InvokeResult result = emulator.invoke(samples.name, request);
            samples.roundTrips[i] = System.nanoTime() - start;
            check(samples.c, result);
            samples.durations[i] = Math.round(result.durationMs() * 1e6);
            samples.last = result;
        }
    }

    /** The first index of block {@code round} of {@code rounds} over n samples. */
    static int from(int n, int round, int rounds) {
        return (int) ((long) n * round / rounds);
    }

    /** The bare interpreter or binary, started with ProcessBuilder and waited for; nanoseconds. */
    long runBare(Language language) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv(language, language.bareStart))
                .directory(codeDir(language).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        int status = process.waitFor();
        long nanos = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + status);
        }
        return nanos;
    }

    /**
     * The exec: program with the event, as the bridge runs it (event on stdin or as its argument, stdout read to
     * its end), but started by the harness: no runtime, no emulator; nanoseconds.
     */
    long runDirect(Language language) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv(language, language.direct))
                .directory(codeDir(language).toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!language.eventOnStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        long start = System.nanoTime();
        Process process = builder.start();
        if (language.eventOnStdin) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(event);
            }
        }
        byte[] out = process.getInputStream().readAllBytes();
        int status = process.waitFor();
        long nanos = System.nanoTime() - start;
        String text = new String(out, StandardCharsets.UTF_8).trim();
        String expected = language == Language.GO ? "Hello from Go!\n3" : language.execAnswer;
        if (status != 0 || !text.equals(expected)) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + status
                    + " and printed: " + text);
        }
        return nanos;
    }

    private Path codeDir(Language language) {
        return options.samples().resolve(language.codeDir);
    }

    /** The argv with {@code {event}} replaced by the event and a ./program made absolute. */
    private List<String> argv(Language language, List<String> template) {
        List<String> argv = new ArrayList<>();
        for (String arg : template) {
            if (arg.equals("{event}")) {
                argv.add(Language.EVENT);
            } else if (argv.isEmpty() && arg.startsWith("./")) {
                argv.add(codeDir(language).resolve(arg.substring(2)).toString());
            } else {
                argv.add(arg);
            }
        }
        return argv;
    }

    private static Stats millis(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1e6;
        }
        return Stats.of(ms);
    }

    // ---- the report's circumstances ----

    /** The interpreters' versions (the first on PATH, as the bridge finds them), one line each. */
    private List<String> interpreters() {
        List<String> interpreters = new ArrayList<>();
        for (Language language : options.languageList()) {
            String version = switch (language) {
                case PHP -> Machine.run("php", "-v").lines().findFirst().orElse("?");
                case RUBY -> Machine.run("ruby", "-v");
                // the first python3 and node on PATH: the ones the bridge finds
                case PYTHON -> Machine.run("python3", "-c", "import sys; print('Python', sys.version.split()[0], "
                        + "sys.executable)");
                case NODE -> "Node.js " + Machine.run("node", "-p", "process.version + ' ' + process.execPath");
                case GO -> {
                    String built = Machine.run("go", "version", codeDir(language).resolve("hello").toString());
                    yield built.isBlank() ? "go: not on PATH" : "Go binaries built with "
                            + built.substring(built.lastIndexOf(' ') + 1) + " (`go version hello`)";
                }
            };
            interpreters.add(language.label + ": " + version.trim());
        }
        return interpreters;
    }

    /** Whether the bootstrap starts its JVM with the dist's AOT cache (which scripts/build trains). */
    private String aotCache() {
        Path lib = options.bootstrap().getParent().resolve("lib");
        Path cache = lib.resolve("runtime.aot");
        if (!Files.isRegularFile(cache)) {
            return "none (no lib/runtime.aot: the runtime starts without its AOT cache; scripts/build trains one)";
        }
        try (var jars = Files.list(lib)) {
            long cacheTime = Files.getLastModifiedTime(cache).toMillis();
            boolean stale = jars.filter(jar -> jar.toString().endsWith(".jar")).anyMatch(jar -> {
                try {
                    return Files.getLastModifiedTime(jar).toMillis() > cacheTime;
                } catch (IOException e) {
                    return true;
                }
            });
            return stale ? "lib/runtime.aot is older than the jars: the JVM refuses it, the runtime starts without it"
                    : "lib/runtime.aot (" + Files.size(cache) / (1024 * 1024) + " MB), made after the jars";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ---- helpers ----

    private InvokeResult invoke(Emulator emulator, Case c, String name) {
        InvokeResult result = emulator.invoke(name, request);
        check(c, result);
        return result;
    }

    private void check(Case c, InvokeResult result) {
        String expected = c.language() == null ? Language.EVENT : c.language().answer(c.mode());
        if (result.statusCode() != 200 || result.isFunctionError() || !result.payloadText().trim().equals(expected)) {
            throw new IllegalStateException(c + " answered " + result.statusCode() + " " + result.functionError()
                    + ": " + result.payloadText() + " (expected " + expected + ")\n" + log.tail());
        }
    }

}
