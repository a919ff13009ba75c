package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the concurrency suite ({@code Bench concurrency}, {@code scripts/bench-concurrency}) was asked for.
 *
 * @param levels    the AWS_LAMBDA_MAX_CONCURRENCY values compared (default 1, 8, 64)
 * @param seconds   length of one measured block per level
 * @param rounds    blocks per level, interleaved (level order rotating)
 * @param streams   streamed and buffered calls each for time to first byte
 * @param bootstrap our bootstrap (runtime/core/target/dist/bootstrap)
 */
record ConcurrencyOptions(List<Integer> levels, double seconds, int rounds, int streams, boolean quick,
                          Path moduleDir, Path bootstrap, Path outDir, String command) {

    /** The concurrency suite's options (Options.COMMON first). */
    static final List<Options.Spec> SPECS = List.of(
            Options.Spec.of("levels", "L", "1,8,64", null, "AWS_LAMBDA_MAX_CONCURRENCY values to compare (1-64 each)"),
            Options.Spec.of("seconds", "S", "3", "1", "length of one measured block of one level"),
            Options.Spec.of("rounds", "N", "3", "1", "blocks per level, interleaved"),
            Options.Spec.of("streams", "N", "30", "5", "streamed and buffered invokes for time to first byte"),
            Options.Spec.of("bootstrap", "FILE", null, null, "our bootstrap (default runtime/core/target/dist/bootstrap)"));

    static ConcurrencyOptions parse(String... args) {
        return from(Options.parse("concurrency", SPECS, args));
    }

    static ConcurrencyOptions from(Options o) {
        List<Integer> levels = new ArrayList<>();
        for (String level : o.list("levels")) {
            int n;
            try {
                n = Integer.parseInt(level);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--levels takes whole numbers, got: " + level);
            }
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--levels: 1 to 64 each (Lambda's limit), got " + n);
            }
            levels.add(n);
        }
        Path module = o.moduleDir();
        return new ConcurrencyOptions(List.copyOf(levels), o.number("seconds", 1), o.number("rounds", 1),
                o.number("streams", 1), o.quick(), module, o.has("bootstrap") ? o.path("bootstrap")
                        : module.resolve("../../core/target/dist/bootstrap").normalize(), o.outDir(), o.text("command"));
    }
}
