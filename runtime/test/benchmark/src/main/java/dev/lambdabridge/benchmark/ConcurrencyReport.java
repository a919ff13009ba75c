package dev.lambdabridge.benchmark;

import static dev.lambdabridge.benchmark.Table.f0;
import static dev.lambdabridge.benchmark.Table.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The concurrency suite's findings in the one result format: throughput of a 10 ms handler per
 * AWS_LAMBDA_MAX_CONCURRENCY level against the ideal, and time to first and last byte of a 4 MB response,
 * streamed and buffered; a panel each.
 */
final class ConcurrencyReport {
    private ConcurrencyReport() {
    }

    static Report of(ConcurrencyBenchmark.Results r) {
        ConcurrencyOptions o = r.options();
        List<String> about = List.of(
                "runtime: `" + o.bootstrap() + "` on the harness's JVM",
                String.format(Locale.ROOT, "throughput: %d blocks of %.0f s per level, interleaved (order rotating); "
                        + "as many callers as the level, each invoking `Emulator.invoke` in a loop", o.rounds(),
                        o.seconds()),
                "time to first byte: " + o.streams() + " streamed and " + o.streams() + " buffered invokes, "
                        + "alternating, read over a socket from the Invoke API");

        Table.Builder levels = Table.of("Throughput of a 10 ms handler", 1, "AWS_LAMBDA_MAX_CONCURRENCY",
                "invokes/s (median of blocks)", "blocks", "ideal (level / 10 ms)", "of ideal", "latency median (ms)",
                "latency p99 (ms)", "invokes");
        List<Panel.Group> throughput = new ArrayList<>();
        for (ConcurrencyBenchmark.Level level : r.levels()) {
            StringBuilder blocks = new StringBuilder();
            level.throughputs().forEach(t -> blocks.append(blocks.isEmpty() ? "" : ", ").append(f0(t)));
            levels.row(String.valueOf(level.level()), f0(level.medianThroughput()), blocks.toString(),
                    f0(level.ideal()), f0(100 * level.medianThroughput() / level.ideal()) + "%",
                    f2(level.latencyMillis().median()), f2(level.latencyMillis().p99()), level.invokes());
            throughput.add(new Panel.Group("concurrency " + level.level(), List.of(
                    Panel.Bar.of("measured (median of blocks)", level.medianThroughput()),
                    Panel.Bar.of("ideal (level / 10 ms)", level.ideal()))));
        }
        ConcurrencyBenchmark.Level first = r.levels().getFirst();
        StringBuilder scaling = new StringBuilder();
        for (ConcurrencyBenchmark.Level level : r.levels().subList(1, r.levels().size())) {
            scaling.append(String.format(Locale.ROOT, "Concurrency %d / concurrency %d: %.1fx the throughput. ",
                    level.level(), first.level(), level.medianThroughput() / first.medianThroughput()));
        }
        ConcurrencyBenchmark.FirstByte fb = r.firstByte();
        Table firstByte = Table.of("Time to first byte of a 4 MB response (40 pieces, 5 ms of work before each)", 1,
                "response", "first byte median (ms)", "first byte p90 (ms)", "last byte median (ms)")
                .row("streamed (StreamingHandler, flush per piece)", f2(fb.streamedFirst().median()),
                        f2(fb.streamedFirst().p90()), f2(fb.streamedTotal().median()))
                .row("buffered (RequestStreamHandler)", f2(fb.bufferedFirst().median()), f2(fb.bufferedFirst().p90()),
                        f2(fb.bufferedTotal().median()))
                .note(String.format(Locale.ROOT, "Streamed, the first byte arrives after %.1f%% of the buffered time "
                        + "to first byte (%d bytes each).", 100 * fb.streamedFirst().median()
                        / fb.bufferedFirst().median(), fb.bytes())).build();
        List<Panel> panels = List.of(
                Panel.linear("10 ms handler: invokes/s", "measured (median of blocks) beside the ideal", "invokes/s",
                        throughput).logarithmic(),
                Panel.linear("4 MB response: time to first / last byte", "medians", "ms", List.of(
                        new Panel.Group("streamed", List.of(Panel.Bar.of("first byte", fb.streamedFirst().median()),
                                Panel.Bar.of("last byte", fb.streamedTotal().median()))),
                        new Panel.Group("buffered", List.of(Panel.Bar.of("first byte", fb.bufferedFirst().median()),
                                Panel.Bar.of("last byte", fb.bufferedTotal().median()))))));
        return new Report("concurrency", "lambda-bridge: concurrent invocations and response streaming",
                r.environment(), o.quick(), about, List.of(levels.note(scaling.toString().trim()).build(), firstByte),
                List.of(), panels);
    }
}
