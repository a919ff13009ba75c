package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.bridge.polyglot.npm.NodeService;
import dev.lambdabridge.bridge.polyglot.npm.NpmTrees;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The npm handlers beside AWS's Node.js runtime (scripts/bench-polyglot; {@code --npm-only} runs this part alone):
 * a trivial handler, a lodash handler and an AWS SDK v3 handler (DynamoDB, against dynalite), each on the js:
 * bridge in the interpreter and with the optimizing runtime, and on aws-lambda-ric 4.0.2 on Node.js 22 as a
 * persistent runtime. Measured, interleaved round by round: cold start (the emulator's invoke, which starts the
 * runtime process, to the first response), warm round trip through the emulator, and the warm in-process cost of
 * an invocation without the Runtime API. Writes npm-DATE-COMMIT.md and .svg to the results folder.
 */
public final class NpmBench {
    /** One handler of src/test/npm/functions, its event, and how many in-process calls suit it. */
    record Handler(String label, String handler, String event, int callDivisor) {
    }

    /** What one competitor measured for one handler. */
    static final class Series {
        final List<Double> coldMs = new ArrayList<>();
        double[] warmUs;
        final List<double[]> inProcessUs = new ArrayList<>();
        String failure;
    }

    private final BenchOptions options;
    private final Path work;
    final Map<String, Map<String, Series>> series = new LinkedHashMap<>();
    final List<Handler> handlers = List.of(
            new Handler("trivial", "trivial.handler", "{\"a\":1,\"b\":[1,2]}", 1),
            new Handler("lodash", "lodash.handler", "{\"orders\":[{\"id\":1,\"customer\":\"a\",\"amount\":2.5},"
                    + "{\"id\":2,\"customer\":\"b\",\"amount\":1},{\"id\":3,\"customer\":\"a\",\"amount\":4}]}", 1),
            new Handler("AWS SDK v3 (DynamoDB put + get)", "dynamodb.handler", "{\"id\":\"bench\",\"count\":2}", 20));

    NpmBench(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        new NpmBench(options, Files.createTempDirectory("bench-npm")).run();
    }

    void run() throws Exception {
        Path functions = NpmTrees.functions();
        List<Competitor> competitors = List.of(
                BridgeCompetitor.assemble(work.resolve("npm-interp"), false, options),
                BridgeCompetitor.assemble(work.resolve("npm-compiler"), true, options),
                new NodeRic(options));
        String machine = Machine.describe();
        String loadAtStart = Machine.load();
        try (NodeService dynalite = NodeService.dynalite()) {
            Map<String, String> env = Map.of("DYNAMODB_ENDPOINT", dynalite.endpoint(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench", "TABLE_NAME", "bench-items");
            for (int round = 1; round <= options.cold(); round++) {
                for (Handler h : handlers) {
                    progress("cold start round " + round + "/" + options.cold() + ": " + h.label());
                    for (Competitor c : competitors) {
                        measure(h, c, s -> s.coldMs.add(coldStart(c, h, functions, env)));
                    }
                }
            }
            for (Handler h : handlers) {
                for (Competitor c : competitors) {
                    progress("warm round trips: " + h.label() + ", " + c.label());
                    measure(h, c, s -> s.warmUs = warmRoundTrips(c, h, functions, env));
                }
            }
            for (int round = 1; round <= options.inProcessRounds(); round++) {
                for (Handler h : handlers) {
                    Path event = work.resolve(h.handler() + ".json");
                    Files.writeString(event, h.event());
                    for (Competitor c : competitors) {
                        progress("in-process round " + round + ": " + h.label() + ", " + c.label());
                        measure(h, c, s -> s.inProcessUs.add(c.inProcess(h.handler(), functions, event, env,
                                options.inProcessWarmup() / h.callDivisor(), options.inProcessCalls() / h.callDivisor())));
                    }
                }
            }
        }
        NpmReport report = new NpmReport(this, competitors, options, machine, loadAtStart);
        String name = "npm-" + LocalDate.now() + "-" + commit();
        Files.createDirectories(options.out());
        String markdown = report.markdown(name + ".svg");
        Files.writeString(options.out().resolve(name + ".md"), markdown);
        Files.writeString(options.out().resolve(name + ".svg"), report.svg());
        System.out.println(markdown);
        progress("wrote " + options.out().resolve(name + ".md") + " and .svg");
    }

    private interface Measurement {
        void into(Series series) throws Exception;
    }

    /** Runs one measurement; a competitor that fails a handler is reported with its error, not retried. */
    private void measure(Handler h, Competitor c, Measurement measurement) {
        Series s = series.computeIfAbsent(h.label(), k -> new LinkedHashMap<>())
                .computeIfAbsent(c.label(), k -> new Series());
        if (s.failure != null) {
            return;
        }
        try {
            measurement.into(s);
        } catch (Exception | AssertionError e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            s.failure = first.length() > 240 ? first.substring(0, 240) + "..." : first;
            progress("FAILED: " + h.label() + " on " + c.label() + ": " + e.getMessage());
        }
    }

    private double coldStart(Competitor c, Handler h, Path code, Map<String, String> env) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(c.function("cold", h.handler(), code, env));
            long started = System.nanoTime();
            InvokeResult result = emulator.invoke("cold", InvokeRequest.of(h.event().getBytes(StandardCharsets.UTF_8)));
            double ms = (System.nanoTime() - started) / 1e6;
            check(result, h, c);
            return ms;
        }
    }

    private double[] warmRoundTrips(Competitor c, Handler h, Path code, Map<String, String> env) {
        int warmup = Math.max(10, options.warmup() / h.callDivisor());
        int n = Math.max(10, options.warm() / h.callDivisor());
        byte[] event = h.event().getBytes(StandardCharsets.UTF_8);
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(c.function("warm", h.handler(), code, env));
            for (int i = 0; i < warmup; i++) {
                check(emulator.invoke("warm", InvokeRequest.of(event)), h, c);
            }
            double[] us = new double[n];
            for (int i = 0; i < n; i++) {
                long started = System.nanoTime();
                InvokeResult result = emulator.invoke("warm", InvokeRequest.of(event));
                us[i] = (System.nanoTime() - started) / 1e3;
                check(result, h, c);
            }
            return us;
        }
    }

    private static void check(InvokeResult result, Handler h, Competitor c) {
        if (result.isFunctionError()) {
            throw new IllegalStateException(h.handler() + " failed on " + c.label() + ": " + result.payloadText());
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String id = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && !id.isEmpty() ? id : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static void progress(String message) {
        System.err.println("bench-polyglot npm: " + message);
    }
}
