package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ruby-stdlib suite: a stdlib-heavy Ruby handler (src/polyglot/ruby-stdlib: json, time, digest, openssl,
 * base64, securerandom, set) on the ruby: bridge from the layers as Lambda lays them out (java-runtime-compact
 * + polyglot-base + polyglot-ruby + polyglot-ruby-cext, in the interpreter and with polyglot-compiler), beside AWS's
 * Ruby runtime interface client on CRuby, a persistent runtime as on Lambda's managed Ruby runtime, in one run,
 * interleaved round by round: cold start and warm round trips through the emulator, and the warm in-process cost
 * without the Runtime API (WarmCalls for the bridge, cruby_calls.rb for CRuby).
 */
final class RubyStdlibBenchmark {
    static final String HANDLER = "ruby:stdlib_handler.handler";
    static final String CRUBY = "AWS Ruby RIC on CRuby";
    private static final List<String> LAYERS = List.of("java-runtime-compact", "polyglot-base",
            "polyglot-ruby", "polyglot-ruby-cext");

    private final PolyglotOptions options;
    private final Path work;

    RubyStdlibBenchmark(PolyglotOptions options) throws Exception {
        if (options.rubyRic() == null || !Files.isRegularFile(options.rubyRic().resolve("lib/aws_lambda_ric.rb"))) {
            throw new IllegalArgumentException("--ruby-ric " + options.rubyRic() + ": no lib/aws_lambda_ric.rb (a "
                    + "checkout of aws/aws-lambda-ruby-runtime-interface-client is expected)");
        }
        this.options = options;
        this.work = Files.createTempDirectory("bench-ruby-stdlib");
    }

    /** A competitor: a name, how the emulator starts its runtime, and the handler as that runtime takes it. */
    record Competitor(String label, List<String> command, String handler) {
    }

    /** What one run found. */
    record Results(Machine.Environment environment, PolyglotOptions options, GuestSamples samples) {
    }

    Results run() throws Exception {
        String loadAtStart = Machine.loadAverage();
        Path code = options.guestCode().resolve("ruby-stdlib");
        byte[] event = Files.readAllBytes(code.resolve("event.json"));
        PolyglotLayout interp = PolyglotLayout.fromLayers(work.resolve("interp"), options.layers(), LAYERS);
        PolyglotLayout optimizing = PolyglotLayout.fromLayers(work.resolve("optimizing"), options.layers(),
                concat(LAYERS, "polyglot-compiler"));
        // the client's bin/aws_lambda_ric without bundler/setup: it has no runtime dependencies, the code no Gemfile
        List<String> ric = List.of("ruby", "-I", options.rubyRic().resolve("lib").toString(), "-e",
                "require 'aws_lambda_ric'; AwsLambdaRIC::Bootstrap.new.start");
        List<Competitor> runtimes = List.of(
                new Competitor("ruby: bridge, interpreter", List.of(interp.bootstrap().toString()), HANDLER),
                new Competitor("ruby: bridge, optimizing", List.of(optimizing.bootstrap().toString()), HANDLER),
                new Competitor(CRUBY, ric, HANDLER.substring("ruby:".length())));
        GuestSamples samples = new GuestSamples();
        String group = "stdlib handler";
        for (int round = 1; round <= options.cold(); round++) {
            progress("cold start round " + round + "/" + options.cold());
            for (Competitor runtime : runtimes) {
                samples.measure(group, runtime.label(), s -> s.coldMs.add(GuestCalls.coldStartMs(
                        function("cold", runtime, code), event, r -> r.payloadText().contains("totalCents"))));
            }
        }
        for (Competitor runtime : runtimes) {
            progress("warm round trips: " + runtime.label());
            samples.measure(group, runtime.label(), s -> s.warmUs = GuestCalls.warmRoundTripsUs(
                    function("warm", runtime, code), event, options.warmup(), options.warm(),
                    r -> r.payloadText().contains("totalCents")));
        }
        for (int round = 1; round <= options.inProcessRounds(); round++) {
            progress("in-process round " + round + "/" + options.inProcessRounds());
            samples.measure(group, runtimes.get(0).label(), s -> s.inProcessUs.add(bridgeInProcess(interp, false, code)));
            samples.measure(group, runtimes.get(1).label(), s -> s.inProcessUs.add(bridgeInProcess(optimizing, true,
                    code)));
            samples.measure(group, CRUBY, s -> s.inProcessUs.add(GuestCalls.medianAndP99(new ProcessBuilder("ruby",
                    code.resolve("cruby_calls.rb").toString(), code.resolve("stdlib_handler.rb").toString(),
                    code.resolve("event.json").toString(), String.valueOf(options.inProcessWarmup()),
                    String.valueOf(options.inProcessCalls())).directory(code.toFile()), Map.of())));
        }
        return new Results(Machine.describe(options.command(), loadAtStart, options.moduleDir(),
                List.of(PolyglotBenchmark.tool("ruby", "--version"))), options, samples);
    }

    private static List<String> concat(List<String> list, String last) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
    }

    private FunctionConfig function(String name, Competitor runtime, Path code) {
        return FunctionConfig.of(name, runtime.handler(), code).withCommand(runtime.command())
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    /** WarmCalls in a JVM with the bootstrap's flags and the layout's jars and Ruby home. */
    private double[] bridgeInProcess(PolyglotLayout opt, boolean optimizing, Path code) throws Exception {
        Path dir = opt.dir();
        return GuestCalls.bridgeInProcessUs(options.java(), options.memory(),
                optimizing ? dir.resolve("polyglot/compiler") : null, List.of(dir.resolve("lib"),
                        dir.resolve("polyglot/lib")), List.of("-Dpolyglot.engine.resourcePath="
                        + dir.resolve("polyglot/resources"), "-Dorg.graalvm.language.ruby.home="
                        + dir.resolve("polyglot/resources/ruby/ruby-home")), HANDLER, code, code.resolve("event.json"),
                Map.of(), options.inProcessWarmup(), options.inProcessCalls());
    }

    private static void progress(String message) {
        System.err.println("ruby-stdlib: " + message);
    }
}
