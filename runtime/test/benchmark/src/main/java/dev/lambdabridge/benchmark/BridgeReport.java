package dev.lambdabridge.benchmark;

import static dev.lambdabridge.benchmark.MarkdownReport.f1;
import static dev.lambdabridge.benchmark.MarkdownReport.f2;

import dev.lambdabridge.benchmark.Language.Mode;
import java.util.Locale;

/** The process-bridge report as markdown: circumstances, the table, the goals, then the details behind them. */
final class BridgeReport {
    private BridgeReport() {
    }

    static String render(BridgeResults.Report report) {
        StringBuilder md = new StringBuilder();
        BridgeResults.Environment env = report.environment();
        BridgeOptions options = report.options();
        md.append("# lambda-bridge process-bridge benchmark\n\n");
        md.append("- date: ").append(env.date()).append('\n');
        md.append("- machine: `").append(env.uname()).append("`, nproc ").append(env.nproc())
                .append("; load average (1/5/15 min) at start ").append(env.loadAtStart()).append(", at end ")
                .append(env.loadAtEnd()).append('\n');
        md.append("- JVM (harness and runtime): ").append(env.jvm()).append(", `").append(env.javaPath())
                .append("`\n");
        md.append("- programs: ").append(String.join("; ", env.interpreters())).append('\n');
        md.append("- runtime: `").append(options.bootstrap()).append("` (layers/dist: the runtime with every "
                + "bridge), functions of ").append(options.memoryMb()).append(" MB, timeout ")
                .append(BridgeBenchmark.TIMEOUT.toSeconds()).append(" s, code in `").append(options.samples())
                .append("/{php,ruby,go,python,node}`; the runtime's AOT cache: ").append(env.aotCache()).append('\n');
        md.append("- event, for every function: `").append(Language.EVENT)
                .append("` (samples/scripts/events/hello.json)\n");
        md.append("- source: ").append(env.revision()).append('\n');
        md.append("- command: `").append(env.command()).append("`\n");
        md.append("- harness: `").append(env.harnessCommand()).append("`\n");
        md.append("- run: per exec: function ").append(options.execWarmUp()).append(" warm-up + ")
                .append(options.execInvokes()).append(" measured invokes; per worker: function and the Java "
                        + "baseline ").append(options.workerWarmUp()).append(" + ").append(options.workerInvokes())
                .append("; per language ").append(options.starts()).append(" bare starts and ")
                .append(options.starts()).append(" direct runs of the exec: program; ").append(options.coldStarts())
                .append(" cold starts per function; interleaved in ").append(options.rounds()).append(" rounds")
                .append(options.quick() ? " (--quick: a smoke run, not a measurement)" : "").append("\n\n");

        md.append("## Results\n\n");
        md.append("| language | mode | handler | warm median (us) | warm p99 (us) | interpreter start (ms) "
                + "| cold start (ms) |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (BridgeResults.Row row : report.rows()) {
            BridgeResults.Starts starts = report.starts(row.language());
            md.append("| ").append(row.language().label).append(" | ").append(row.mode().id).append(": | `")
                    .append(row.language().handler(row.mode())).append("` | ")
                    .append(f1(row.warm().roundTripUs().median())).append(" | ")
                    .append(f1(row.warm().roundTripUs().p99())).append(" | ")
                    .append(f1(starts.bareMs().median())).append(" (`").append(row.language().bareStartLabel)
                    .append("`) | ").append(row.cold() == null ? "n/a" : f1(row.cold().totalMs().median()))
                    .append(" |\n");
        }
        BridgeResults.Baseline baseline = report.baseline();
        md.append("| Java (baseline) | in the JVM | `").append(baseline.handler()).append("` | ")
                .append(f1(baseline.warm().roundTripUs().median())).append(" | ")
                .append(f1(baseline.warm().roundTripUs().p99())).append(" | | ")
                .append(baseline.cold() == null ? "n/a" : f1(baseline.cold().totalMs().median())).append(" |\n");
        md.append("\nWarm: the harness's clock around `Emulator.invoke`. Interpreter start: median of ")
                .append(options.starts()).append(" starts of the bare interpreter or binary by the harness "
                        + "(`ProcessBuilder`, output discarded, waited for), as the bridge starts programs. Cold "
                        + "start: the emulator's Init Duration + Duration of the first invoke, median of ")
                .append(options.coldStarts()).append(" new functions (a worker's init includes starting the "
                        + "worker up to its READY). The Java baseline: an in-JVM `RequestStreamHandler` that echoes "
                        + "the event, on the same bootstrap: the runtime and emulator without any bridge.\n\n");

        md.append("## Goals\n\n| goal | value | target | verdict | note |\n| --- | ---: | --- | --- | --- |\n");
        for (Results.Goal goal : report.goals()) {
            String value = !goal.checked() ? "n/a" : goal.unit().isEmpty() ? f1(goal.value()) + "x"
                    : f1(goal.value()) + " " + goal.unit();
            md.append("| ").append(goal.name()).append(" | ").append(value).append(" | ")
                    .append(goal.comparator()).append(' ').append(target(goal)).append(" | **")
                    .append(goal.verdict()).append("** | ").append(goal.note()).append(" |\n");
        }
        md.append("\nexec: / worker: for every language run: ");
        StringBuilder ratios = new StringBuilder();
        for (Language language : report.languages()) {
            Double ratio = BridgeGoals.ratio(report.row(language, Mode.EXEC), report.row(language, Mode.WORKER));
            ratios.append(ratios.isEmpty() ? "" : ", ").append(language.label).append(' ')
                    .append(ratio == null ? "n/a" : f1(ratio) + "x");
        }
        md.append(ratios).append(" (Go has no goal).\n\n");

        md.append("## Where the time goes\n\n");
        md.append("### Per invocation (exec:)\n\n");
        md.append("| language | bare start (ms) | the program run directly (ms) | exec: Duration (ms) "
                + "| exec: round trip (ms) | round trip - direct run (ms) | program's own work: direct run - bare "
                + "start (ms) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Language language : report.languages()) {
            BridgeResults.Starts starts = report.starts(language);
            BridgeResults.Row exec = report.row(language, Mode.EXEC);
            double roundTripMs = exec.warm().roundTripUs().median() / 1000;
            md.append("| ").append(language.label).append(" | ").append(f2(starts.bareMs().median())).append(" | ")
                    .append(f2(starts.directMs().median())).append(" | ")
                    .append(f2(exec.warm().durationUs().median() / 1000)).append(" | ").append(f2(roundTripMs))
                    .append(" | ").append(f2(roundTripMs - starts.directMs().median())).append(" | ")
                    .append(f2(starts.directMs().median() - starts.bareMs().median())).append(" |\n");
        }
        md.append("\nAll medians. The program run directly: the exec: program with the event (on stdin for PHP and Python, "
                + "as its argument for Ruby, Go and Node.js), started by the harness with `ProcessBuilder`, its stdout read to "
                + "the end, waited for: no runtime, no emulator. Duration: the emulator's, from handing the event to "
                + "the runtime to reading its response. Round trip - direct run: what the runtime, the bridge "
                + "(environment, pipes, pump threads, the response check) and the emulator add to each "
                + "invocation. On a shared machine, differences of a few ms between these columns (more for Ruby's "
                + "~60 ms) are within the noise of one run: the load changes while the blocks take turns.\n\n");
        md.append("### Persistent worker (worker:)\n\n");
        md.append("| function | round trip (us) | Duration (us) | emulator's invoke path: round trip - Duration (us) "
                + "| Duration - the Java baseline's Duration (us) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        double baselineDuration = baseline.warm().durationUs().median();
        for (Language language : report.languages()) {
            BridgeResults.Row worker = report.row(language, Mode.WORKER);
            workerRow(md, language.label + " `" + language.workerHandler + "`", worker.warm(), baselineDuration);
        }
        workerRow(md, "Java baseline (in the JVM)", baseline.warm(), baselineDuration);
        md.append("\nAll medians. Duration - the baseline's: what the worker path adds to the runtime's in-JVM "
                + "handling: the INVOKE frame (the event wrapped in its context) over the Unix socket, the shim "
                + "decoding it, calling the handler and encoding its answer, the RESULT frame back, and the "
                + "context switches between the runtime's JVM and the worker process.\n\n");

        if (options.coldStarts() > 0) {
            md.append("## Cold start detail\n\n");
            md.append("| function | n | init (ms) | first invoke (ms) | cold start median (min-max) (ms) "
                    + "| wall-clock median (ms) |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (BridgeResults.Row row : report.rows()) {
                coldRow(md, row.label() + " `" + row.language().handler(row.mode()) + "`", row.cold());
            }
            coldRow(md, "Java baseline", baseline.cold());
            md.append("\nMedians. init: runtime process start to its first `GET next` (for a worker: the JVM's "
                    + "start, then the worker's start up to its READY frame); first invoke: the first event "
                    + "delivered to its response; wall-clock: the harness's clock around that first invoke.\n\n");
        }

        md.append("## Warm detail\n\n");
        md.append("| function | n | min (us) | median (us) | p90 (us) | p99 (us) | max (us) | Duration median (us) "
                + "| Max Memory Used (MB) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BridgeResults.Row row : report.rows()) {
            warmRow(md, row.label(), row.warm());
        }
        warmRow(md, "Java baseline", baseline.warm());
        md.append("\nMax Memory Used: the emulator's reading (VmHWM of the runtime process and its children) at the "
                + "last invoke.\n\n");

        md.append("## Start detail\n\n");
        md.append("| language | what | n | min (ms) | median (ms) | p90 (ms) | p99 (ms) | max (ms) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Language language : report.languages()) {
            BridgeResults.Starts starts = report.starts(language);
            startRow(md, language.label, "bare: `" + language.bareStartLabel + "`", starts.bareMs());
            startRow(md, language.label, "direct run: `" + String.join(" ", language.direct)
                    + (language.eventOnStdin ? " < event" : "") + "`", starts.directMs());
        }
        md.append('\n');
        return md.toString();
    }

    private static void workerRow(StringBuilder md, String name, BridgeResults.Warm warm, double baselineDuration) {
        double roundTrip = warm.roundTripUs().median();
        double duration = warm.durationUs().median();
        md.append("| ").append(name).append(" | ").append(f1(roundTrip)).append(" | ").append(f1(duration))
                .append(" | ").append(f1(roundTrip - duration)).append(" | ").append(f1(duration - baselineDuration))
                .append(" |\n");
    }

    private static void coldRow(StringBuilder md, String name, BridgeResults.Cold cold) {
        md.append("| ").append(name).append(" | ").append(cold.totalMs().n()).append(" | ")
                .append(f1(cold.initMs().median())).append(" | ").append(f1(cold.firstInvokeMs().median()))
                .append(" | ").append(f1(cold.totalMs().median())).append(" (").append(f1(cold.totalMs().min()))
                .append('-').append(f1(cold.totalMs().max())).append(") | ").append(f1(cold.wallMs().median()))
                .append(" |\n");
    }

    private static void warmRow(StringBuilder md, String name, BridgeResults.Warm warm) {
        Stats s = warm.roundTripUs();
        md.append("| ").append(name).append(" | ").append(s.n()).append(" | ").append(f1(s.min())).append(" | ")
                .append(f1(s.median())).append(" | ").append(f1(s.p90())).append(" | ").append(f1(s.p99()))
                .append(" | ").append(f1(s.max())).append(" | ").append(f1(warm.durationUs().median())).append(" | ")
                .append(warm.maxMemoryUsedMb()).append(" |\n");
    }

    private static void startRow(StringBuilder md, String language, String what, Stats s) {
        md.append("| ").append(language).append(" | ").append(what).append(" | ").append(s.n()).append(" | ")
                .append(f2(s.min())).append(" | ").append(f2(s.median())).append(" | ").append(f2(s.p90()))
                .append(" | ").append(f2(s.p99())).append(" | ").append(f2(s.max())).append(" |\n");
    }

    static String target(Results.Goal goal) {
        double t = goal.target();
        String number = t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%s", t);
        return goal.unit().isEmpty() ? number + "x" : number + " " + goal.unit();
    }
}
