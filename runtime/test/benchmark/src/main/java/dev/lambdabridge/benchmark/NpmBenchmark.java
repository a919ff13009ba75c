package dev.lambdabridge.benchmark;

import dev.lambdabridge.bridge.polyglot.npm.NodeService;
import dev.lambdabridge.bridge.polyglot.npm.NpmTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The npm suite: a trivial handler, a lodash handler and an AWS SDK v3 handler (DynamoDB, against dynalite), each
 * on the js: bridge in the interpreter and with the optimizing runtime, and on AWS's Node.js runtime interface
 * client on Node.js 22 as a persistent runtime. Measured, interleaved round by round: cold start, warm round trip
 * through the emulator, and the warm in-process cost of an invocation without the Runtime API. The handlers and
 * their npm trees are bridge/polyglot's (src/test/npm, installed by its NpmTrees).
 */
final class NpmBenchmark {
    /** One handler of the functions tree, its event, and by how much its call counts are divided. */
    record Handler(String label, String handler, String event, int callDivisor) {
    }

    static final List<Handler> HANDLERS = List.of(
            new Handler("trivial", "trivial.handler", "{\"a\":1,\"b\":[1,2]}", 1),
            new Handler("lodash", "lodash.handler", "{\"orders\":[{\"id\":1,\"customer\":\"a\",\"amount\":2.5},"
                    + "{\"id\":2,\"customer\":\"b\",\"amount\":1},{\"id\":3,\"customer\":\"a\",\"amount\":4}]}", 1),
            new Handler("AWS SDK v3 (DynamoDB put + get)", "dynamodb.handler", "{\"id\":\"bench\",\"count\":2}", 20));

    private final PolyglotOptions options;
    private final Path work;

    NpmBenchmark(PolyglotOptions options) throws Exception {
        this.options = options;
        this.work = Files.createTempDirectory("bench-npm");
        // NpmTrees installs bridge/polyglot's npm trees (read once, when it is first used)
        System.setProperty("lambdabridge.polyglot.npmSources", options.root().resolve("bridge/polyglot/src/test/npm")
                .toString());
        System.setProperty("lambdabridge.polyglot.npmTarget", options.root().resolve("bridge/polyglot/target/npm")
                .toString());
    }

    /** What one run found. */
    record Results(Machine.Environment environment, PolyglotOptions options, List<NpmCompetitor> competitors,
                   GuestSamples samples) {
    }

    Results run() throws Exception {
        String loadAtStart = Machine.loadAverage();
        Path functions = NpmTrees.functions();
        List<NpmCompetitor> competitors = List.of(
                new NpmCompetitor.Bridge("in-process js: (interpreter)",
                        PolyglotLayout.assemble(work.resolve("npm-interp"), options, false, null), false, options),
                new NpmCompetitor.Bridge("in-process js: (optimizing)",
                        PolyglotLayout.assemble(work.resolve("npm-compiler"), options, true, null), true, options),
                new NpmCompetitor.NodeRic(options));
        GuestSamples samples = new GuestSamples();
        try (NodeService dynalite = NodeService.dynalite()) {
            Map<String, String> env = Map.of("DYNAMODB_ENDPOINT", dynalite.endpoint(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench", "TABLE_NAME", "bench-items");
            for (int round = 1; round <= options.cold(); round++) {
                for (Handler h : HANDLERS) {
                    progress("cold start round " + round + "/" + options.cold() + ": " + h.label());
                    for (NpmCompetitor c : competitors) {
                        samples.measure(h.label(), c.label(), s -> s.coldMs.add(GuestCalls.coldStartMs(
                                c.function("cold", h.handler(), functions, env), bytes(h), r -> true)));
                    }
                }
            }
            for (Handler h : HANDLERS) {
                for (NpmCompetitor c : competitors) {
                    progress("warm round trips: " + h.label() + ", " + c.label());
                    samples.measure(h.label(), c.label(), s -> s.warmUs = GuestCalls.warmRoundTripsUs(
                            c.function("warm", h.handler(), functions, env), bytes(h),
                            Math.max(10, options.warmup() / h.callDivisor()),
                            Math.max(10, options.warm() / h.callDivisor()), r -> true));
                }
            }
            for (int round = 1; round <= options.inProcessRounds(); round++) {
                for (Handler h : HANDLERS) {
                    Path event = Files.writeString(work.resolve(h.handler() + ".json"), h.event());
                    for (NpmCompetitor c : competitors) {
                        progress("in-process round " + round + ": " + h.label() + ", " + c.label());
                        samples.measure(h.label(), c.label(), s -> s.inProcessUs.add(c.inProcess(h.handler(),
                                functions, event, env, options.inProcessWarmup() / h.callDivisor(),
                                options.inProcessCalls() / h.callDivisor())));
                    }
                }
            }
        }
        return new Results(Machine.describe(options.command(), loadAtStart, options.moduleDir(),
                List.of(PolyglotBenchmark.tool(NpmTrees.node().toString(), "--version"))), options, competitors,
                samples);
    }

    private static byte[] bytes(Handler h) {
        return h.event().getBytes(StandardCharsets.UTF_8);
    }

    private static void progress(String message) {
        System.err.println("npm: " + message);
    }
}
