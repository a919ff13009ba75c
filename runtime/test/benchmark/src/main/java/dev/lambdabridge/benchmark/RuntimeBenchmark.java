package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime benchmark behind {@code scripts/bench}: this runtime, AWS's runtime interface client and a
 * raw-socket loop, side by side in one run, on one in-process {@link Emulator} (runtimes as child processes),
 * the same handlers, JVM and JVM options.
 *
 * <ol>
 *   <li>Starts one long-lived function per runtime and handler and warms it up (which also warms this JVM and
 *       the emulator), and one more process of each against a minimal blocking-socket server (no emulator: the
 *       raw loop's is the baseline of the emulator's overhead).</li>
 *   <li>Cold starts, interleaved A,B,C,B,C,A,...: each a new function whose first invoke starts its process;
 *       the process is killed after its first response. Each round has an emulator of its own.</li>
 *   <li>Warm round trips, interleaved in blocks of 100 invokes, timed around {@code Emulator.invoke} and, for
 *       the processes against the minimal server, from event out to response in.</li>
 *   <li>Peak RSS of the long-lived processes; then one cold start per runtime and handler with class loading
 *       logged, for the profile.</li>
 * </ol>
 * {@link RuntimeReport} makes the report of its findings.
 */
public final class RuntimeBenchmark {
    private static final int BLOCK = 100;

    private final BenchmarkOptions options;
    private final PrintStream progress;
    private final EmulatorLog log = new EmulatorLog();

    RuntimeBenchmark(BenchmarkOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs everything and returns the findings; writes nothing but progress lines. */
    Results.Report run() throws Exception {
        Setup setup = Setup.prepare(options);
        List<Case> cases = cases();
        String loadAtStart = Machine.loadAverage();
        List<AotCacheTraining.Trained> trained = AotCacheTraining.trainAll(setup, options, progress);
        List<AotCacheTraining.FunctionTrained> functionCaches = AotCacheTraining.trainFunctions(setup, options,
                progress);
        setup = setup.withCaches(AotCacheTraining.caches(trained, functionCaches));
        Map<RuntimeKind, List<String>> commands = new EnumMap<>(RuntimeKind.class);
        Map<RuntimeKind, Map<String, String>> runtimeEnv = new EnumMap<>(RuntimeKind.class);
        for (Case c : cases) {
            commands.putIfAbsent(c.kind(), setup.command(c.kind(), c.handler(), List.of()));
            runtimeEnv.putIfAbsent(c.kind(), setup.runtimeEnv(c.kind(), c.handler()));
        }
        progress.printf("benchmark: %s; JVM options %s (%s)%n", cases, setup.flags().options(),
                setup.flags().source());

        try (Emulator emulator = log.start()) {
            Map<Case, WarmFunction> warm = startWarm(emulator, setup, cases);
            Map<Case, MinimalRuntimeApiServer> direct = new LinkedHashMap<>();
            try {
                for (Case c : cases) {
                    direct.put(c, startDirect(setup, c));
                }
                Setup trainedSetup = setup;
                Map<Case, List<ColdStarts.Start>> cold = ColdStarts.run(log, cases, options.coldStarts(),
                        (c, name) -> trainedSetup.function(name, c.kind(), c.handler(), List.of()),
                        c -> InvokeRequest.of(c.handler().event), this::check, progress);
                Map<Object, long[]> roundTrips = measureWarm(emulator, warm, direct);

                List<Results.Row> rows = new ArrayList<>();
                List<Results.Direct> directs = new ArrayList<>();
                for (Case c : cases) {
                    WarmFunction function = warm.get(c);
                    rows.add(new Results.Row(c.kind(), c.handler(), Results.Cold.of(c.kind(), c.handler(), cold.get(c)),
                            new Results.Warm(c.kind(), c.handler(), Stats.micros(roundTrips.get(c)),
                                    Stats.micros(function.durations), Processes.peakRssMb(function.last.pid()),
                                    function.last.maxMemoryUsedMb())));
                    directs.add(new Results.Direct(c.kind(), c.handler(),
                            Stats.micros(roundTrips.get(new Direct(c)))));
                }
                Results.Overhead overhead = null;
                if (direct.containsKey(raw())) {
                    overhead = new Results.Overhead(Stats.micros(roundTrips.get(raw())),
                            Stats.micros(roundTrips.get(new Direct(raw()))));
                }
                List<Results.Profile> profiles = options.profile() ? profile(setup, cases) : List.of();
                Machine.Environment environment = Machine.describe(options.command(), loadAtStart,
                        options.moduleDir(), List.of());
                Results.Report partial = new Results.Report(environment, options, setup.flags(), commands,
                        runtimeEnv, trained, functionCaches, rows, directs, overhead, profiles, List.of());
                return new Results.Report(environment, options, setup.flags(), commands, runtimeEnv, trained,
                        functionCaches, rows, directs, overhead, profiles, Goals.check(partial));
            } finally {
                direct.values().forEach(MinimalRuntimeApiServer::close);
            }
        }
    }

    /** A case's runtime process against the minimal server, without the emulator. */
    record Direct(Case c) {
    }

    /** One runtime with one handler. */
    record Case(RuntimeKind kind, BenchHandler handler) {
        String id() {
            return kind.id + "-" + handler.id;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private static Case raw() {
        return new Case(RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO);
    }

    /** The cases in interleaving order: by handler, then runtime (in RuntimeKind's order). */
    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (BenchHandler handler : BenchHandler.values()) {
            for (RuntimeKind kind : RuntimeKind.values()) {
                if (options.runs(handler) && options.runs(kind) && kind.runs(handler)) {
                    cases.add(new Case(kind, handler));
                }
            }
        }
        return cases;
    }

    // ---- 1. the long-lived functions and the baseline ----

    /** A long-lived function and its last result (for its pid and the emulator's memory reading). */
    private static final class WarmFunction {
        final Case c;
        final String name;
        final InvokeRequest request;
        InvokeResult last;
        long[] durations = new long[0];

        WarmFunction(Case c, String name) {
            this.c = c;
            this.name = name;
            this.request = InvokeRequest.of(c.handler().event);
        }
    }

    private Map<Case, WarmFunction> startWarm(Emulator emulator, Setup setup, List<Case> cases) {
        Map<Case, WarmFunction> warm = new LinkedHashMap<>();
        for (Case c : cases) {
            WarmFunction function = new WarmFunction(c, "warm-" + c.id());
            emulator.addFunction(setup.function(function.name, c.kind(), c.handler(), List.of()));
            function.last = invoke(emulator, c, function.name, function.request);
            for (int i = 0; i < options.warmUp(); i++) {
                function.last = invoke(emulator, c, function.name, function.request);
            }
            warm.put(c, function);
            progress.printf("warm-up: %s started (pid %d) and invoked %d times%n", c, function.last.pid(),
                    options.warmUp() + 1);
        }
        return warm;
    }

    private MinimalRuntimeApiServer startDirect(Setup setup, Case c) throws IOException {
        // (the same JVM options and cache as the case's functions on the emulator)
        String name = "direct-" + c.id();
        MinimalRuntimeApiServer server = new MinimalRuntimeApiServer(setup.command(c.kind(), c.handler(), List.of()),
                setup.codeDir(c.kind(), c.handler()), setup.directEnv(c.kind(), c.handler(), name), c.handler(),
                options.moduleDir().resolve("target/benchmark-direct/" + c.id() + ".log"));
        for (int i = 0; i <= options.warmUp(); i++) {
            server.roundTripNanos();
        }
        progress.printf("warm-up: %s against the minimal server (pid %d) invoked %d times%n", c, server.pid(),
                options.warmUp() + 1);
        return server;
    }

    // ---- 2. cold starts ----

    // ---- 3. warm round trips ----

    /**
     * Round trips of every warm function (keyed by its Case) and of every runtime against the minimal server
     * (keyed by a Direct), interleaved in blocks of {@value #BLOCK}.
     */
    private Map<Object, long[]> measureWarm(Emulator emulator, Map<Case, WarmFunction> warm,
                                            Map<Case, MinimalRuntimeApiServer> direct) throws Exception {
        int n = options.warmInvokes();
        Map<Object, long[]> samples = new LinkedHashMap<>();
        warm.keySet().forEach(c -> samples.put(c, new long[n]));
        warm.values().forEach(function -> function.durations = new long[n]);
        direct.keySet().forEach(c -> samples.put(new Direct(c), new long[n]));
        int block = Math.min(BLOCK, n);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            for (Map.Entry<Object, long[]> entry : samples.entrySet()) {
                long[] nanos = entry.getValue();
                if (entry.getKey() instanceof Case c) {
                    WarmFunction function = warm.get(c);
                    for (int i = from; i < to; i++) {
                        long start = System.nanoTime();
                        InvokeResult result = emulator.invoke(function.name, function.request);
                        nanos[i] = System.nanoTime() - start;
                        check(c, result);
                        function.durations[i] = Math.round(result.durationMs() * 1e6);
                        function.last = result;
                    }
                } else if (entry.getKey() instanceof Direct(Case c)) {
                    MinimalRuntimeApiServer server = direct.get(c);
                    for (int i = from; i < to; i++) {
                        nanos[i] = server.roundTripNanos();
                    }
                }
            }
        }
        progress.printf("warm: %d round trips each for %s, through the emulator and against the minimal server%n",
                n, warm.keySet());
        return samples;
    }

    // ---- 4. memory and the class-loading profile ----

    private List<Results.Profile> profile(Setup setup, List<Case> cases) throws Exception {
        Path dir = Files.createDirectories(options.moduleDir().resolve("target/benchmark-profile"));
        List<Results.Profile> profiles = new ArrayList<>();
        try (Emulator emulator = log.start()) {
            profile(emulator, setup, cases, dir, profiles);
        }
        return profiles;
    }

    private void profile(Emulator emulator, Setup setup, List<Case> cases, Path dir, List<Results.Profile> profiles)
            throws Exception {
        for (Case c : cases) {
            Path log = dir.resolve(c.id() + ".log");
            Files.deleteIfExists(log);
            String name = "profile-" + c.id();
            emulator.addFunction(setup.function(name, c.kind(), c.handler(), List.of(ClassLoadProfile.option(log))));
            InvokeResult result = emulator.invoke(name, InvokeRequest.of(c.handler().event));
            check(c, result);
            Processes.kill(result.pid(), true);
            Results.Profile profile = ClassLoadProfile.read(c.kind(), c.handler(), log);
            profiles.add(profile);
            progress.printf("profile: %s loaded %d classes (%d from the CDS archive, %d from jars/dirs)%n", c,
                    profile.classes(), profile.fromCds(), profile.fromApp());
        }
    }

    // ---- helpers ----

    private InvokeResult invoke(Emulator emulator, Case c, String name, InvokeRequest request) {
        InvokeResult result = emulator.invoke(name, request);
        check(c, result);
        return result;
    }

    private void check(Case c, InvokeResult result) {
        if (result.statusCode() != 200 || result.isFunctionError() || !c.handler().isExpected(result.payload())) {
            throw new IllegalStateException(c + " answered " + result.statusCode() + " " + result.functionError()
                    + ": " + result.payloadText() + "\n" + log.tail());
        }
    }
}
