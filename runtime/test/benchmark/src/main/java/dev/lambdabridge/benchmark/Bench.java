package dev.lambdabridge.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one entry point of the benchmarks: {@code Bench SUITE [OPTION...]} runs one suite, prints its report as
 * markdown and writes it as {@code <suite>-<date>-<commit>.{json,md,svg}} ({@link ResultFiles}). The
 * {@code scripts/bench*} scripts build what a suite needs and call this.
 */
public final class Bench {

    /** A suite: its name, what it compares, its options, and how it runs into a report. */
    enum Suite {
        RUNTIME("runtime", "this runtime, AWS's Java runtime interface client and a raw-socket loop: cold start, "
                + "warm round trip, peak RSS, the emulator's overhead", BenchmarkOptions.SPECS),
        FRAMEWORKS("frameworks", "the runtime suite on the Spring samples and the hello POJO: ours, the RIC, the RIC "
                + "with its own AOT cache (--runtimes adds ours-fn)", BenchmarkOptions.SPECS),
        FUNCTION_CACHE("function-cache", "the runtime suite on the Spring samples and the hello POJO: ours without and "
                + "with a cache trained on the function (scripts/lambda-local train-function)", BenchmarkOptions.SPECS),
        BRIDGES("bridges", "the process bridge: PHP, Ruby, Go, Python, Node.js per invocation and as workers, beside "
                + "the bare interpreter start and a Java baseline", BridgeOptions.SPECS),
        CONCURRENCY("concurrency", "AWS_LAMBDA_MAX_CONCURRENCY 1, 8, 64 on a 10 ms handler; time to first byte, "
                + "streamed and buffered", ConcurrencyOptions.SPECS),
        POLYGLOT("polyglot", "the JS and Ruby key-count handlers in-process (interpreter, AOT cache, optimizing) "
                + "beside Node.js and CRuby per invocation", PolyglotOptions.SPECS),
        NPM("npm", "npm handlers (trivial, lodash, AWS SDK v3) on the js: bridge beside AWS's Node.js runtime "
                + "client as a persistent runtime", PolyglotOptions.SPECS),
        RUBY_STDLIB("ruby-stdlib", "a Ruby stdlib handler on the ruby: bridge from the layers beside AWS's Ruby "
                + "runtime client on CRuby as a persistent runtime (--ruby-ric DIR)", PolyglotOptions.RUBY_STDLIB_SPECS);

        final String id;
        final String what;
        final List<Options.Spec> specs;

        Suite(String id, String what, List<Options.Spec> specs) {
            this.id = id;
            this.what = what;
            this.specs = specs;
        }

        static Suite byId(String id) {
            for (Suite suite : values()) {
                if (suite.id.equals(id)) {
                    return suite;
                }
            }
            throw new IllegalArgumentException("unknown suite '" + id + "'\n" + usage());
        }

        /** Runs the suite with these options; progress lines go to {@code progress}. */
        Report run(Options options, PrintStream progress) throws Exception {
            return switch (this) {
                case RUNTIME, FRAMEWORKS, FUNCTION_CACHE -> RuntimeReport.of(id, new RuntimeBenchmark(
                        BenchmarkOptions.from(options, this), progress).run());
                case BRIDGES -> BridgeReport.of(new BridgeBenchmark(BridgeOptions.from(options), progress).run());
                case CONCURRENCY -> ConcurrencyReport.of(new ConcurrencyBenchmark(ConcurrencyOptions.from(options),
                        progress).run());
                case POLYGLOT -> PolyglotReport.of(new PolyglotBenchmark(PolyglotOptions.from(options)).run());
                case NPM -> NpmReport.of(new NpmBenchmark(PolyglotOptions.from(options)).run());
                case RUBY_STDLIB -> RubyStdlibReport.of(new RubyStdlibBenchmark(PolyglotOptions.from(options)).run());
            };
        }
    }

    private Bench() {
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("usage: Bench SUITE [OPTION...]  (Bench SUITE --help: its options)\n"
                + "       Bench render FILE.json...  (writes the .md and .svg of result files again, beside them)\n");
        for (Suite suite : Suite.values()) {
            usage.append(String.format("  %-12s %s%n", suite.id, suite.what));
        }
        return usage.toString().stripTrailing();
    }

    /** Draws the table and the chart of result files again, from their JSON. */
    private static void render(String... files) {
        for (String file : files) {
            Path json = Path.of(file).toAbsolutePath();
            try {
                System.out.println("written: " + ResultFiles.write(json.getParent(), ResultFiles.read(json)));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot render " + json + ": " + e.getMessage(), e);
            }
        }
    }

    public static void main(String[] args) {
        Suite suite;
        Options options;
        try {
            if (args.length == 0 || args[0].startsWith("-")) {
                throw new IllegalArgumentException(usage());
            }
            if (args[0].equals("render")) {
                render(Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            suite = Suite.byId(args[0]);
            options = Options.parse(suite.id, suite.specs, Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Report report = suite.run(options, System.err);
            List<Path> files = ResultFiles.write(options.outDir(), report);
            System.out.print(MarkdownWriter.render(report, null));
            System.out.println();
            System.out.println("written: " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b)
                    .orElseThrow());
        } catch (Exception e) {
            System.err.println(suite.id + " benchmark failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }
}
