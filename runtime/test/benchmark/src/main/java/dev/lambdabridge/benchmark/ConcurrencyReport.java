package dev.lambdabridge.benchmark;

import java.util.Locale;

/** The markdown report of {@code scripts/bench-concurrency}. */
final class ConcurrencyReport {
    private ConcurrencyReport() {
    }

    static String render(ConcurrencyBenchmark.Report report) {
        ConcurrencyOptions options = report.options();
        StringBuilder md = new StringBuilder();
        md.append("# Concurrency and streaming benchmark\n\n");
        md.append("- date: ").append(report.date()).append(", machine: `").append(report.machine()).append("`, ")
                .append(report.cores()).append(" cores, load ").append(report.loadStart()).append(" at the start, ")
                .append(report.loadEnd()).append(" at the end\n");
        md.append("- JVM (harness and runtime): ").append(report.jvm()).append("; runtime: `")
                .append(options.bootstrap()).append("`\n");
        md.append("- command: `").append(options.command()).append("`\n");
        md.append(String.format(Locale.ROOT, "- throughput: %d blocks of %.0f s per level, interleaved (order rotating);"
                + " as many callers as the level, each invoking `Emulator.invoke` in a loop%n", options.rounds(),
                options.seconds()));
        md.append("- time to first byte: ").append(options.streams()).append(" streamed and ").append(options.streams())
                .append(" buffered invokes, alternating, read over a socket from the Invoke API\n\n");
        md.append("## Throughput of a 10 ms handler\n\n");
        md.append("| AWS_LAMBDA_MAX_CONCURRENCY | invokes/s (median of blocks) | blocks | ideal (level / 10 ms) | of ideal "
                + "| latency median (ms) | latency p99 (ms) | invokes |\n");
        md.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ConcurrencyBenchmark.Level level : report.levels()) {
            StringBuilder blocks = new StringBuilder();
            for (double t : level.throughputs()) {
                blocks.append(blocks.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", t));
            }
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f | %.0f%% | %.2f | %.2f | %d |%n",
                    level.level(), level.medianThroughput(), blocks, level.ideal(),
                    100 * level.medianThroughput() / level.ideal(), level.latencyMillis().median(),
                    level.latencyMillis().p99(), level.invokes()));
        }
        ConcurrencyBenchmark.Level first = report.levels().getFirst();
        for (ConcurrencyBenchmark.Level level : report.levels()) {
            if (level != first) {
                md.append(String.format(Locale.ROOT, "%nConcurrency %d / concurrency %d: %.1fx the throughput.",
                        level.level(), first.level(), level.medianThroughput() / first.medianThroughput()));
            }
        }
        md.append("\n\n## Time to first byte of a 4 MB response (40 pieces, 5 ms of work before each)\n\n");
        md.append("| response | first byte median (ms) | first byte p90 (ms) | last byte median (ms) |\n");
        md.append("| --- | ---: | ---: | ---: |\n");
        ConcurrencyBenchmark.FirstByte fb = report.firstByte();
        md.append(String.format(Locale.ROOT, "| streamed (StreamingHandler, flush per piece) | %.2f | %.2f | %.2f |%n",
                fb.streamedFirst().median(), fb.streamedFirst().p90(), fb.streamedTotal().median()));
        md.append(String.format(Locale.ROOT, "| buffered (RequestStreamHandler) | %.2f | %.2f | %.2f |%n",
                fb.bufferedFirst().median(), fb.bufferedFirst().p90(), fb.bufferedTotal().median()));
        md.append(String.format(Locale.ROOT, "%nStreamed, the first byte arrives after %.1f%% of the buffered time to "
                + "first byte (%d bytes each).%n", 100 * fb.streamedFirst().median() / fb.bufferedFirst().median(),
                fb.bytes()));
        return md.toString();
    }
}
