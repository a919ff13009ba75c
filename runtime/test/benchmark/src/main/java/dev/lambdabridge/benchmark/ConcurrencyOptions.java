package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code scripts/bench-concurrency} asked for.
 *
 * @param levels    the AWS_LAMBDA_MAX_CONCURRENCY values compared (default 1, 8, 64)
 * @param seconds   length of one measured block per level
 * @param rounds    blocks per level, interleaved (level order rotating)
 * @param streams   streamed and buffered calls each for time to first byte
 * @param bootstrap our bootstrap (runtime/core/target/dist/bootstrap)
 */
record ConcurrencyOptions(List<Integer> levels, double seconds, int rounds, int streams, Path moduleDir,
                          Path bootstrap, Path outDir, String command) {

    static final String USAGE = """
            usage: scripts/bench-concurrency [--levels 1,8,64] [--seconds 3] [--rounds 3] [--streams 30] [--quick]
                                             [--out DIR]
              --levels L   AWS_LAMBDA_MAX_CONCURRENCY values to compare (default 1,8,64; 1-64 each)
              --seconds S  length of one measured block of one level (default 3)
              --rounds N   blocks per level, interleaved (default 3)
              --streams N  streamed and buffered invokes for time to first byte (default 30)
              --quick      1 s blocks, 1 round, 5 streams
              --out DIR    where concurrency-latest.md and .svg go (default runtime/test/benchmark/results)""";

    static ConcurrencyOptions parse(String... args) {
        List<Integer> levels = List.of(1, 8, 64);
        double seconds = 3;
        int rounds = 3;
        int streams = 30;
        Path module = null;
        Path bootstrap = null;
        Path out = null;
        String command = "scripts/bench-concurrency";
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--levels" -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String level : Args.value(arg, rest, USAGE).split(",")) {
                        int n = Args.positive(arg, level.trim());
                        if (n > 64) {
                            throw new IllegalArgumentException("--levels: at most 64 (Lambda's limit), got " + n);
                        }
                        parsed.add(n);
                    }
                    levels = List.copyOf(parsed);
                }
                case "--seconds" -> seconds = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--rounds" -> rounds = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--streams" -> streams = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--quick" -> {
                    seconds = 1;
                    rounds = 1;
                    streams = 5;
                }
                case "--module" -> module = Path.of(Args.value(arg, rest, USAGE));
                case "--bootstrap" -> bootstrap = Path.of(Args.value(arg, rest, USAGE));
                case "--out" -> out = Path.of(Args.value(arg, rest, USAGE));
                case "--command" -> command = Args.value(arg, rest, USAGE);
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        Path moduleDir = module != null ? module : Args.moduleDir();
        if (bootstrap == null) {
            bootstrap = moduleDir.resolve("../../core/target/dist/bootstrap").normalize();
        }
        return new ConcurrencyOptions(levels, seconds, rounds, streams, moduleDir, bootstrap,
                out != null ? out : moduleDir.resolve("results"), command);
    }
}
