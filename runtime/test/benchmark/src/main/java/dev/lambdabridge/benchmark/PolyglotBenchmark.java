package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The polyglot suite: the JS and Ruby key-count handlers of samples/polyglot on the in-process bridge, in one run,
 * interleaved round by round, beside Node.js and CRuby running the same handlers in a process per invocation
 * (samples/polyglot/percall):
 * <ul>
 *   <li>cold start (the emulator's invoke, which starts the runtime process, to its answer) in the interpreter,
 *       with the JDK's AOT cache trained for the handler (with the layers' unpacked resources, and with an empty
 *       resource cache, as in a new sandbox), and with the optimizing runtime (the compiler jars);</li>
 *   <li>warm round trips through the emulator (median, p99);</li>
 *   <li>the warm in-process cost without the Runtime API: {@code handle()} in a JVM with the bootstrap's flags.</li>
 * </ul>
 */
final class PolyglotBenchmark {
    static final String SHIPPED = "interpreter + AOT cache";
    static final String EMPTY_TMP = "interpreter + AOT cache, empty /tmp";
    static final String OPTIMIZING = "optimizing (compiler jars)";
    static final String PER_CALL = "process per invocation (Node.js / CRuby)";
    static final String ALONE = "the process alone (Node.js / CRuby)";
    /** SharedEngine.RESOURCE_CACHE_PROPERTY: where GraalVM languages unpack their resources. */
    private static final String RESOURCE_CACHE = "polyglot.engine.userResourceCache";

    private final PolyglotOptions options;
    private final Path work;

    PolyglotBenchmark(PolyglotOptions options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("bench-polyglot");
    }

    /** One language's function: handler, code, and its per-invocation twin. */
    record Lang(String name, String handler, Path code, String perCall) {
    }

    /** What one run found. */
    record Results(Machine.Environment environment, PolyglotOptions options, GuestSamples samples) {
    }

    Results run() throws Exception {
        String loadAtStart = Machine.loadAverage();
        Path samples = options.samples();
        Path event = samples.resolve("events/keys.json");
        byte[] eventBytes = Files.readAllBytes(event);
        List<Lang> langs = List.of(
                new Lang("JavaScript", "js:index.handler", samples.resolve("js"),
                        "exec:node " + samples.resolve("percall/node-invoke.js") + " index.handler"),
                new Lang("Ruby", "ruby:key_count.handler", samples.resolve("ruby"),
                        "exec:ruby " + samples.resolve("percall/ruby-invoke.rb") + " key_count.handler"));
        GuestSamples results = new GuestSamples();
        PolyglotLayout interp = PolyglotLayout.assemble(work.resolve("interp"), options, false, null);
        PolyglotLayout compiler = PolyglotLayout.assemble(work.resolve("compiler"), options, true, null);
        Path resources = PolyglotLayout.unpackResources(options, work.resolve("resources"));
        Map<Lang, PolyglotLayout> aot = new LinkedHashMap<>();
        for (Lang lang : langs) {
            PolyglotLayout layout = PolyglotLayout.assemble(work.resolve("aot-" + lang.name().toLowerCase(Locale.ROOT)),
                    options, false, resources);
            train(layout, lang, event);
            aot.put(lang, layout);
        }

        for (int round = 1; round <= options.cold(); round++) {
            progress("cold start round " + round + "/" + options.cold());
            for (Lang lang : langs) {
                cold(results, lang, "interpreter", interp, lang.handler(), eventBytes, Map.of());
                cold(results, lang, SHIPPED, aot.get(lang), lang.handler(), eventBytes, Map.of());
                cold(results, lang, OPTIMIZING, compiler, lang.handler(), eventBytes, Map.of());
                // a new sandbox's /tmp is empty: with the layers' unpacked resources nothing may be unpacked there
                Path fresh = Files.createTempDirectory(work, "resources");
                cold(results, lang, EMPTY_TMP, aot.get(lang), lang.handler(), eventBytes,
                        Map.of("LAMBDA_BRIDGE_JVM_OPTS", "-D" + RESOURCE_CACHE + "=" + fresh));
                try (Stream<Path> unpacked = Files.list(fresh)) {
                    List<Path> written = unpacked.toList();
                    if (!written.isEmpty()) {
                        throw new IllegalStateException("the layer layout unpacked resources into the empty "
                                + "resource cache " + fresh + ": " + written);
                    }
                }
                cold(results, lang, PER_CALL, interp, lang.perCall(), eventBytes, Map.of());
                results.measure(lang.name(), ALONE, s -> s.coldMs.add(bareProcess(lang, eventBytes)));
            }
        }
        for (Lang lang : langs) {
            progress("warm round trips: " + lang.name());
            warm(results, lang, SHIPPED, aot.get(lang), lang.handler(), eventBytes, options.warm());
            warm(results, lang, OPTIMIZING, compiler, lang.handler(), eventBytes, options.warm());
            warm(results, lang, PER_CALL, interp, lang.perCall(), eventBytes,
                    Math.min(options.warm(), options.perCallWarm()));
        }
        for (int round = 1; round <= options.inProcessRounds(); round++) {
            for (Lang lang : langs) {
                progress("in-process round " + round + ": " + lang.name());
                for (boolean optimizing : new boolean[] {false, true}) {
                    results.measure(lang.name(), optimizing ? OPTIMIZING : SHIPPED, s -> s.inProcessUs.add(
                            GuestCalls.bridgeInProcessUs(options.java(), options.memory(),
                                    optimizing ? options.polyglot().resolve("compiler") : null,
                                    List.of(options.runtimeDist().resolve("lib"), options.polyglot().resolve("lib")),
                                    List.of(), lang.handler(), lang.code(), event, Map.of(),
                                    options.inProcessWarmup(), options.inProcessCalls())));
                }
            }
        }
        return new Results(Machine.describe(options.command(), loadAtStart, options.moduleDir(),
                List.of(tool("node", "--version"), tool("ruby", "--version"))), options, results);
    }

    static String tool(String... command) {
        String version = Machine.run(command);
        return command[0] + ": " + (version.isBlank() ? "not on PATH" : version.lines().findFirst().orElse(""));
    }

    private static void progress(String message) {
        System.err.println("polyglot: " + message);
    }

    private FunctionConfig function(PolyglotLayout layout, Lang lang, String handler, String name) {
        return FunctionConfig.of(name, handler, lang.code()).withCommand(List.of(layout.bootstrap().toString()))
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    private void cold(GuestSamples results, Lang lang, String competitor, PolyglotLayout layout, String handler,
                      byte[] event, Map<String, String> env) {
        results.measure(lang.name(), competitor, s -> s.coldMs.add(GuestCalls.coldStartMs(
                function(layout, lang, handler, "cold").withEnv(env), event, r -> r.payloadText().contains("\"result\""))));
    }

    private void warm(GuestSamples results, Lang lang, String competitor, PolyglotLayout layout, String handler,
                      byte[] event, int n) {
        results.measure(lang.name(), competitor, s -> s.warmUs = GuestCalls.warmRoundTripsUs(
                function(layout, lang, handler, "warm"), event, handler.startsWith("exec:")
                        ? Math.min(options.warmup(), 10) : options.warmup(), n,
                r -> r.payloadText().contains("\"result\"")));
    }

    /** The runtime's AOT cache for this layout, trained on the handler (scripts/lambda-local train-aot). */
    private void train(PolyglotLayout layout, Lang lang, Path event) throws Exception {
        progress("training the AOT cache of " + layout.dir().getFileName() + " with " + lang.handler());
        Path log = work.resolve(layout.dir().getFileName() + "-train.log");
        Process process = new ProcessBuilder(options.root().resolve("scripts/lambda-local").toString(), "train-aot",
                "--bootstrap", layout.bootstrap().toString(), "--handler", lang.handler(),
                "--code", lang.code().toString(), "--event", event.toString(),
                "--output", layout.dir().resolve("lib/runtime.aot").toString(),
                "--invocations", String.valueOf(options.trainInvocations()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("train-aot failed for " + layout.dir() + ":\n" + Files.readString(log));
        }
    }

    /** The wrapper alone: process start to its exit, with the event on stdin (what each per-call invoke pays). */
    private static double bareProcess(Lang lang, byte[] event) throws Exception {
        List<String> words = new ArrayList<>(List.of(lang.perCall().substring("exec:".length()).split(" ")));
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
}
