package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * scripts/bench-polyglot: the polyglot bridge's benchmark, in one run, everything interleaved round by round.
 * <ul>
 *   <li>cold start (process start to first response, through the emulator: the client's invoke, which starts
 *       the runtime process, to its answer) of the JS and Ruby key-count handlers, in the runtime configurations
 *       that matter: the interpreter, the interpreter with the JDK's AOT cache trained for that handler, and the
 *       optimizing runtime (the compiler jars);</li>
 *   <li>the same handlers in Node.js 20 and CRuby, one process per invocation (exec:, samples/polyglot/percall):
 *       their cold start through the emulator, and the bare process (start to output, no emulator);</li>
 *   <li>warm round trip through the emulator (median, p99);</li>
 *   <li>warm in-process overhead, without the Runtime API: {@code handle()} in a JVM with the bootstrap's flags
 *       ({@link dev.lambdabridge.bridge.polyglot.WarmCalls}).</li>
 * </ul>
 * Why in this module's test scope: the in-process figure needs the bridge's own classes, and runtime/test/benchmark
 * must not carry GraalVM's 190 MB of jars.
 */
public final class PolyglotBenchmark {
    /** SharedEngine.RESOURCE_CACHE_PROPERTY: where GraalVM languages unpack their resources. */
    private static final String RESOURCE_CACHE = "polyglot.engine.userResourceCache";

    private final BenchOptions options;
    private final Path work;

    private PolyglotBenchmark(BenchOptions options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("bench-polyglot");
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        new PolyglotBenchmark(options).run();
    }

    /** One language's function: handler, code, and its per-invocation twin. */
    record Lang(String name, String handler, Path code, String perCall) {
    }

    /** A runtime layout: a bootstrap with its lib/ and polyglot/ next to it. */
    record Dist(String name, String label, Path bootstrap) {
    }

    private void run() throws Exception {
        Path samples = options.samples();
        Path event = samples.resolve("events/keys.json");
        byte[] eventBytes = Files.readAllBytes(event);
        List<Lang> langs = List.of(
                new Lang("JavaScript", "js:index.handler", samples.resolve("js"),
                        "exec:node " + samples.resolve("percall/node-invoke.js") + " index.handler"),
                new Lang("Ruby", "ruby:key_count.handler", samples.resolve("ruby"),
                        "exec:ruby " + samples.resolve("percall/ruby-invoke.rb") + " key_count.handler"));
        Results results = new Results(options, Machine.describe());

        // the layouts: interpreter; interpreter + AOT cache trained for each handler; optimizing runtime
        Dist interp = assemble("interp", "interpreter", false, false);
        Dist compiler = assemble("compiler", "optimizing (compiler jars)", true, false);
        Map<Lang, Dist> aot = new LinkedHashMap<>();
        for (Lang lang : langs) {
            // as the layers ship it: GraalVM's resources (TruffleRuby's home) unpacked in polyglot/resources
            Dist dist = assemble("aot-" + lang.name().toLowerCase(), "interpreter + AOT cache", false, true);
            train(dist, lang, event);
            aot.put(lang, dist);
        }

        // cold starts, interleaved: each round starts every configuration once
        for (int round = 1; round <= options.cold(); round++) {
            progress("cold start round " + round + "/" + options.cold());
            for (Lang lang : langs) {
                for (Dist dist : List.of(interp, aot.get(lang), compiler)) {
                    results.cold(lang.name(), dist.label(), coldStart(dist, lang, lang.handler(), eventBytes, Map.of()));
                }
                // a new sandbox's /tmp is empty: with the layers' unpacked resources nothing should be unpacked
                // there (the run checks it); before them TruffleRuby unpacked its home (~52 MB) into it
                Path fresh = Files.createTempDirectory(work, "resources");
                results.cold(lang.name(), "interpreter + AOT cache, empty /tmp", coldStart(aot.get(lang), lang,
                        lang.handler(), eventBytes, Map.of("LAMBDA_BRIDGE_JVM_OPTS",
                                "-D" + RESOURCE_CACHE + "=" + fresh)));
                try (Stream<Path> unpacked = Files.list(fresh)) {
                    List<Path> written = unpacked.toList();
                    if (!written.isEmpty()) {
                        throw new IllegalStateException("the layer layout unpacked resources into the empty "
                                + "resource cache " + fresh + ": " + written);
                    }
                }
                String perCallLabel = lang.name().equals("Ruby") ? "CRuby, process per invocation"
                        : "Node.js, process per invocation";
                results.cold(lang.name(), perCallLabel + " (runtime + first process)",
                        coldStart(interp, lang, lang.perCall(), eventBytes, Map.of()));
                results.cold(lang.name(), perCallLabel + " (the process alone)", bareProcess(lang, eventBytes));
            }
        }

        // warm round trips through the emulator: the shipping layout (interpreter + AOT), and per-call twins
        for (Lang lang : langs) {
            progress("warm round trips: " + lang.name());
            results.warm(lang.name(), "in-process (interpreter)", warmRoundTrips(aot.get(lang), lang, lang.handler(),
                    eventBytes, options.warmup(), options.warm()));
            results.warm(lang.name(), "in-process (optimizing)", warmRoundTrips(compiler, lang, lang.handler(),
                    eventBytes, options.warmup(), options.warm()));
            results.warm(lang.name(), lang.name().equals("Ruby") ? "CRuby, process per invocation"
                    : "Node.js, process per invocation", warmRoundTrips(interp, lang, lang.perCall(), eventBytes,
                    Math.min(options.warmup(), 10), Math.min(options.warm(), options.perCallWarm())));
        }

        // in-process overhead: handle() alone, interpreter and optimizing runtime, alternating
        for (int round = 1; round <= options.inProcessRounds(); round++) {
            for (Lang lang : langs) {
                progress("in-process round " + round + ": " + lang.name());
                for (boolean optimizing : new boolean[] {false, true}) {
                    results.inProcess(lang.name(), optimizing ? "optimizing" : "interpreter",
                            inProcess(lang, event, optimizing));
                }
            }
        }

        String markdown = new Report(results).markdown();
        System.out.println(markdown);
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("latest.md"), markdown);
        Files.writeString(options.out().resolve("latest.svg"), new Chart(results).svg());
        progress("wrote " + options.out().resolve("latest.md") + " and latest.svg");
    }

    private static void progress(String message) {
        System.err.println("bench-polyglot: " + message);
    }

    /**
     * bootstrap + the runtime's jars + polyglot/lib (and polyglot/compiler), as links, in a directory of its own.
     * With {@code layerResources}, as scripts/build-layers lays the polyglot layers out: GraalVM's internal
     * resources unpacked in polyglot/resources (Engine.copyResources) instead of TruffleRuby's resources jar.
     */
    private Dist assemble(String name, String label, boolean withCompiler, boolean layerResources)
            throws IOException {
        Path dir = work.resolve(name);
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
        if (layerResources) {
            Files.createDirectories(dir.resolve("polyglot/lib"));
            try (Stream<Path> jars = Files.list(options.polyglot().resolve("lib"))) {
                for (Path jar : jars.filter(p -> !p.getFileName().toString().startsWith("ruby-resources-"))
                        .toList()) {
                    Files.createSymbolicLink(dir.resolve("polyglot/lib").resolve(jar.getFileName()),
                            jar.toAbsolutePath());
                }
            }
            Files.createSymbolicLink(dir.resolve("polyglot/resources"), unpackedResources());
        } else {
            Files.createSymbolicLink(dir.resolve("polyglot/lib"), options.polyglot().resolve("lib").toAbsolutePath());
        }
        if (withCompiler) {
            Files.createSymbolicLink(dir.resolve("polyglot/compiler"),
                    options.polyglot().resolve("compiler").toAbsolutePath());
        }
        return new Dist(name, label, bootstrap);
    }

    /** GraalVM's internal resources of both languages, unpacked once per run (what the layers ship). */
    private Path unpackedResources() throws IOException {
        Path resources = work.resolve("resources");
        if (!Files.isDirectory(resources)) {
            if (!org.graalvm.polyglot.Engine.copyResources(resources, "js", "ruby")) {
                throw new IOException("Engine.copyResources copied nothing into " + resources);
            }
        }
        return resources.toAbsolutePath();
    }

    /** The runtime's AOT cache for this layout, trained on the handler (scripts/lambda-local train-aot). */
    private void train(Dist dist, Lang lang, Path event) throws Exception {
        progress("training the AOT cache of " + dist.name() + " with " + lang.handler());
        Path log = work.resolve(dist.name() + "-train.log");
        Process process = new ProcessBuilder(options.lambdaLocal().toString(), "train-aot",
                "--bootstrap", dist.bootstrap().toString(), "--handler", lang.handler(),
                "--code", lang.code().toString(), "--event", event.toString(),
                "--output", dist.bootstrap().resolveSibling("lib/runtime.aot").toString(),
                "--invocations", String.valueOf(options.trainInvocations()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("train-aot failed for " + dist.name() + ":\n" + Files.readString(log));
        }
    }

    private FunctionConfig function(String name, Dist dist, Lang lang, String handler) {
        return FunctionConfig.of(name, handler, lang.code()).withCommand(List.of(dist.bootstrap().toString()))
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    /** Milliseconds from the invoke (which starts the runtime process) to the first response; a fresh emulator. */
    private double coldStart(Dist dist, Lang lang, String handler, byte[] event, Map<String, String> env) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function("cold", dist, lang, handler).withEnv(env));
            long started = System.nanoTime();
            InvokeResult result = emulator.invoke("cold", InvokeRequest.of(event));
            double ms = (System.nanoTime() - started) / 1e6;
            check(result, handler);
            return ms;
        }
    }

    /** Microseconds of each invoke's round trip through the emulator, after {@code warmup} invokes. */
    private double[] warmRoundTrips(Dist dist, Lang lang, String handler, byte[] event, int warmup, int n) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function("warm", dist, lang, handler));
            for (int i = 0; i < warmup; i++) {
                check(emulator.invoke("warm", InvokeRequest.of(event)), handler);
            }
            double[] us = new double[n];
            for (int i = 0; i < n; i++) {
                long started = System.nanoTime();
                InvokeResult result = emulator.invoke("warm", InvokeRequest.of(event));
                us[i] = (System.nanoTime() - started) / 1e3;
                check(result, handler);
            }
            return us;
        }
    }

    private static void check(InvokeResult result, String handler) {
        if (result.isFunctionError() || !result.payloadText().contains("\"result\"")) {
            throw new IllegalStateException(handler + " failed: " + result.payloadText());
        }
    }

    /** The wrapper alone: process start to its exit, with the event on stdin (what each per-call invoke pays). */
    private double bareProcess(Lang lang, byte[] event) throws Exception {
        String[] words = lang.perCall().substring("exec:".length()).split(" ");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(words).directory(lang.code().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = process.getOutputStream()) {
            in.write(event);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !out.contains("\"result\"")) {
            throw new IllegalStateException(String.join(" ", words) + " failed: " + out);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /** WarmCalls in a JVM of its own with the bootstrap's flags; returns its median and p99 in microseconds. */
    private double[] inProcess(Lang lang, Path event, boolean optimizing) throws Exception {
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
        command.addAll(List.of("-cp", cp.toString(), "dev.lambdabridge.bridge.polyglot.WarmCalls", lang.handler(),
                lang.code().toString(), event.toString(), String.valueOf(options.inProcessWarmup()),
                String.valueOf(options.inProcessCalls())));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !out.contains("median_us=")) {
            throw new IllegalStateException("WarmCalls failed: " + out);
        }
        return new double[] {field(out, "median_us"), field(out, "p99_us")};
    }

    private static double field(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end).trim());
    }
}
