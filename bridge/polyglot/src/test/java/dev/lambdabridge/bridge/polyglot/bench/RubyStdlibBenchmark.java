package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code scripts/bench-polyglot --ruby-stdlib DIR}: a stdlib-heavy Ruby handler (bench/ruby-stdlib in the test
 * resources: json, time, digest, openssl, base64, securerandom, set) on the ruby: bridge from the layers as Lambda
 * lays them out (java-runtime + polyglot-base + polyglot-ruby + polyglot-ruby-cext, in the interpreter and with
 * polyglot-compiler), beside AWS's Ruby runtime interface client on CRuby ({@link AwsRubyRic}), in one run,
 * interleaved round by round: cold start through the emulator, warm round trips through the emulator, and the warm
 * in-process cost without the Runtime API (WarmCalls for the bridge, bench/ruby-stdlib/cruby_calls.rb for CRuby).
 */
public final class RubyStdlibBenchmark {
    static final String HANDLER = "ruby:stdlib_handler.handler";

    private final RubyStdlibOptions options;
    private final Path work;

    private RubyStdlibBenchmark(RubyStdlibOptions options) throws Exception {
        this.options = options;
        this.work = Files.createTempDirectory("bench-ruby-stdlib");
    }

    public static void main(String[] args) throws Exception {
        new RubyStdlibBenchmark(RubyStdlibOptions.parse(args)).run();
    }

    /** A competitor: a name and how the emulator starts its runtime for the handler. */
    record Competitor(String label, List<String> command, String handler) {
    }

    private void run() throws Exception {
        byte[] event = Files.readAllBytes(options.code().resolve("event.json"));
        AwsRubyRic ric = new AwsRubyRic(options.ric());
        Path interp = layout("interp", "java-runtime", "polyglot-base", "polyglot-ruby", "polyglot-ruby-cext");
        Path optimizing = layout("optimizing", "java-runtime", "polyglot-base", "polyglot-ruby", "polyglot-ruby-cext",
                "polyglot-compiler");
        List<Competitor> runtimes = List.of(
                new Competitor("ruby: bridge, interpreter", List.of(interp.resolve("bootstrap").toString()), HANDLER),
                new Competitor("ruby: bridge, optimizing", List.of(optimizing.resolve("bootstrap").toString()), HANDLER),
                new Competitor("AWS Ruby RIC on CRuby", ric.command(), AwsRubyRic.handler(HANDLER)));
        RubyStdlibResults results = new RubyStdlibResults(options, Machine.describe());
        for (int round = 1; round <= options.cold(); round++) {
            progress("cold start round " + round + "/" + options.cold());
            for (Competitor runtime : runtimes) {
                results.cold(runtime.label(), coldStart(runtime, event));
            }
        }
        for (Competitor runtime : runtimes) {
            progress("warm round trips: " + runtime.label());
            results.warm(runtime.label(), warmRoundTrips(runtime, event));
        }
        for (int round = 1; round <= options.inProcessRounds(); round++) {
            progress("in-process round " + round + "/" + options.inProcessRounds());
            results.inProcess(runtimes.get(0).label(), bridgeInProcess(interp, false));
            results.inProcess(runtimes.get(1).label(), bridgeInProcess(optimizing, true));
            results.inProcess(runtimes.get(2).label(), crubyInProcess());
        }
        String markdown = new RubyStdlibReport(results).markdown();
        System.out.println(markdown);
        Files.createDirectories(options.out());
        String name = "ruby-stdlib-" + results.date.substring(0, 10) + "-" + options.commit();
        Files.writeString(options.out().resolve(name + ".md"), markdown);
        Files.writeString(options.out().resolve(name + ".svg"), new RubyStdlibReport(results).svg());
        progress("wrote " + options.out().resolve(name + ".md") + " and " + name + ".svg");
    }

    private static void progress(String message) {
        System.err.println("bench-polyglot --ruby-stdlib: " + message);
    }

    /** The layers' staged directories (scripts/build-layers), linked into one /opt-like directory, in this order. */
    private Path layout(String name, String... layers) throws Exception {
        Path opt = work.resolve(name);
        for (String layer : layers) {
            Path staged = options.layers().resolve(layer);
            if (!Files.isDirectory(staged)) {
                throw new IllegalStateException("no " + staged + ": scripts/build-layers first");
            }
            try (Stream<Path> files = Files.walk(staged)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = opt.resolve(staged.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target); // later layers over earlier ones, as Lambda unpacks them
                    Files.createLink(target, file);
                }
            }
        }
        return opt;
    }

    private FunctionConfig function(String name, Competitor runtime) {
        return FunctionConfig.of(name, runtime.handler(), options.code()).withCommand(runtime.command())
                .withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    /** Milliseconds from the invoke (which starts the runtime process) to the first response; a fresh emulator. */
    private double coldStart(Competitor runtime, byte[] event) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function("cold", runtime));
            long started = System.nanoTime();
            InvokeResult result = emulator.invoke("cold", InvokeRequest.of(event));
            double ms = (System.nanoTime() - started) / 1e6;
            check(result, runtime);
            return ms;
        }
    }

    /** Microseconds of each invoke's round trip through the emulator, after the warm-up invokes. */
    private double[] warmRoundTrips(Competitor runtime, byte[] event) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function("warm", runtime));
            for (int i = 0; i < options.warmup(); i++) {
                check(emulator.invoke("warm", InvokeRequest.of(event)), runtime);
            }
            double[] us = new double[options.warm()];
            for (int i = 0; i < us.length; i++) {
                long started = System.nanoTime();
                InvokeResult result = emulator.invoke("warm", InvokeRequest.of(event));
                us[i] = (System.nanoTime() - started) / 1e3;
                check(result, runtime);
            }
            return us;
        }
    }

    private static void check(InvokeResult result, Competitor runtime) {
        if (result.isFunctionError() || !result.payloadText().contains("totalCents")) {
            throw new IllegalStateException(runtime.label() + " failed: " + result.payloadText());
        }
    }

    /** WarmCalls (handle() alone) in a JVM with the bootstrap's flags and the layout's jars and Ruby home. */
    private double[] bridgeInProcess(Path opt, boolean optimizing) throws Exception {
        List<String> command = new ArrayList<>(BootstrapFlags.jvm(options.java(), options.memory(),
                optimizing ? opt.resolve("polyglot/compiler") : null));
        command.add("-Dpolyglot.engine.resourcePath=" + opt.resolve("polyglot/resources"));
        command.add("-Dorg.graalvm.language.ruby.home=" + opt.resolve("polyglot/resources/ruby/ruby-home"));
        StringBuilder cp = new StringBuilder();
        for (Path dir : List.of(opt.resolve("lib"), opt.resolve("polyglot/lib"))) {
            try (Stream<Path> jars = Files.list(dir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    cp.append(jar).append(':');
                }
            }
        }
        cp.append(options.testClasses());
        command.addAll(List.of("-cp", cp.toString(), "dev.lambdabridge.bridge.polyglot.WarmCalls", HANDLER,
                options.code().toString(), options.code().resolve("event.json").toString(),
                String.valueOf(options.inProcessWarmup()), String.valueOf(options.inProcessCalls())));
        return medianAndP99(new ProcessBuilder(command), "WarmCalls");
    }

    /** bench/ruby-stdlib/cruby_calls.rb: the handler in CRuby with the RIC's JSON.parse and to_json around it. */
    private double[] crubyInProcess() throws Exception {
        Path code = options.code();
        return medianAndP99(new ProcessBuilder("ruby", code.resolve("cruby_calls.rb").toString(),
                code.resolve("stdlib_handler.rb").toString(), code.resolve("event.json").toString(),
                String.valueOf(options.inProcessWarmup()), String.valueOf(options.inProcessCalls()))
                .directory(code.toFile()), "cruby_calls.rb");
    }

    private static double[] medianAndP99(ProcessBuilder builder, String what) throws Exception {
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !out.contains("median_us=")) {
            throw new IllegalStateException(what + " failed: " + out);
        }
        return new double[] {field(out, "median_us"), field(out, "p99_us")};
    }

    private static double field(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end).trim());
    }
}
