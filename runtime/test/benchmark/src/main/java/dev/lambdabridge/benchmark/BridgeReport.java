package dev.lambdabridge.benchmark;

import static dev.lambdabridge.benchmark.Table.f1;
import static dev.lambdabridge.benchmark.Table.f2;

import dev.lambdabridge.benchmark.Language.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridges suite's findings in the one result format: the table (warm median and p99, interpreter start, cold
 * start per language and mode, the Java baseline), where the time goes (exec: and worker:), the cold, warm and
 * start details; three panels: exec: beside the bare start and the direct run, worker: with the 1 ms goal, cold
 * start (init and first invoke stacked).
 */
final class BridgeReport {
    private static final String BASELINE = "Java (JVM)";

    private BridgeReport() {
    }

    static Report of(BridgeResults.Report r) {
        BridgeOptions o = r.options();
        List<String> about = List.of(
                "runtime: `" + o.bootstrap() + "` (layers/dist: the runtime with every bridge), functions of "
                        + o.memoryMb() + " MB, timeout " + BridgeBenchmark.TIMEOUT.toSeconds() + " s, code in `"
                        + o.samples() + "/{php,ruby,go,python,node}`; the runtime's AOT cache: " + r.aotCache(),
                "event, for every function: `" + Language.EVENT + "` (samples/scripts/events/hello.json)",
                "run: per exec: function " + o.execWarmUp() + " warm-up + " + o.execInvokes() + " measured invokes; "
                        + "per worker: function and the Java baseline " + o.workerWarmUp() + " + " + o.workerInvokes()
                        + "; per language " + o.starts() + " bare starts and " + o.starts() + " direct runs of the "
                        + "exec: program; " + o.coldStarts() + " cold starts per function; interleaved in "
                        + o.rounds() + " rounds");
        return new Report("bridges", "lambda-bridge process-bridge benchmark", r.environment(), o.quick(), about,
                tables(r), r.goals(), panels(r));
    }

    private static List<Table> tables(BridgeResults.Report r) {
        BridgeOptions o = r.options();
        BridgeResults.Baseline baseline = r.baseline();
        List<Table> tables = new ArrayList<>();
        Table.Builder main = Table.of("Results", 3, "language", "mode", "handler", "warm median (us)",
                "warm p99 (us)", "interpreter start (ms)", "cold start (ms)");
        for (BridgeResults.Row row : r.rows()) {
            BridgeResults.Starts starts = r.starts(row.language());
            main.row(row.language().label, row.mode().id + ":", "`" + row.language().handler(row.mode()) + "`",
                    row.warm().roundTripUs().median(), row.warm().roundTripUs().p99(), f1(starts.bareMs().median())
                            + " (`" + row.language().bareStartLabel + "`)",
                    row.cold() == null ? "n/a" : f1(row.cold().totalMs().median()));
        }
        StringBuilder ratios = new StringBuilder();
        for (Language language : r.languages()) {
            Double ratio = BridgeGoals.ratio(r.row(language, Mode.EXEC), r.row(language, Mode.WORKER));
            ratios.append(ratios.isEmpty() ? "" : ", ").append(language.label).append(' ')
                    .append(ratio == null ? "n/a" : f1(ratio) + "x");
        }
        tables.add(main.row("Java (baseline)", "in the JVM", "`" + baseline.handler() + "`",
                baseline.warm().roundTripUs().median(), baseline.warm().roundTripUs().p99(), "",
                baseline.cold() == null ? "n/a" : f1(baseline.cold().totalMs().median()))
                .note("Warm: the harness's clock around `Emulator.invoke`. Interpreter start: median of " + o.starts()
                        + " starts of the bare interpreter or binary by the harness (`ProcessBuilder`, output "
                        + "discarded, waited for), as the bridge starts programs. Cold start: the emulator's Init "
                        + "Duration + Duration of the first invoke, median of " + o.coldStarts() + " new functions "
                        + "(a worker's init includes starting the worker up to its READY). The Java baseline: an "
                        + "in-JVM `RequestStreamHandler` that echoes the event, on the same bootstrap: the runtime "
                        + "and emulator without any bridge. exec: / worker: for every language run: " + ratios
                        + " (Go has no goal).").build());

        Table.Builder exec = Table.of("Where the time goes: per invocation (exec:)", 1, "language", "bare start (ms)",
                "the program run directly (ms)", "exec: Duration (ms)", "exec: round trip (ms)",
                "round trip - direct run (ms)", "program's own work: direct run - bare start (ms)");
        for (Language language : r.languages()) {
            BridgeResults.Starts starts = r.starts(language);
            BridgeResults.Row e = r.row(language, Mode.EXEC);
            double roundTripMs = e.warm().roundTripUs().median() / 1000;
            exec.row(language.label, f2(starts.bareMs().median()), f2(starts.directMs().median()),
                    f2(e.warm().durationUs().median() / 1000), f2(roundTripMs),
                    f2(roundTripMs - starts.directMs().median()),
                    f2(starts.directMs().median() - starts.bareMs().median()));
        }
        tables.add(exec.note("All medians. The program run directly: the exec: program with the event (on stdin for "
                + "PHP and Python, as its argument for Ruby, Go and Node.js), started by the harness with "
                + "`ProcessBuilder`, its stdout read to the end, waited for: no runtime, no emulator. Duration: the "
                + "emulator's, from handing the event to the runtime to reading its response. Round trip - direct "
                + "run: what the runtime, the bridge (environment, pipes, pump threads, the response check) and the "
                + "emulator add to each invocation. On a shared machine, differences of a few ms between these "
                + "columns are within the noise of one run.").build());

        Table.Builder worker = Table.of("Where the time goes: persistent worker (worker:)", 1, "function",
                "round trip (us)", "Duration (us)", "emulator's invoke path: round trip - Duration (us)",
                "Duration - the Java baseline's Duration (us)");
        double baselineDuration = baseline.warm().durationUs().median();
        for (Language language : r.languages()) {
            workerRow(worker, language.label + " `" + language.workerHandler + "`",
                    r.row(language, Mode.WORKER).warm(), baselineDuration);
        }
        workerRow(worker, "Java baseline (in the JVM)", baseline.warm(), baselineDuration);
        tables.add(worker.note("All medians. Duration - the baseline's: what the worker path adds to the runtime's "
                + "in-JVM handling: the INVOKE frame over the Unix socket, the shim decoding it, calling the handler "
                + "and encoding its answer, the RESULT frame back, and the context switches between the runtime's "
                + "JVM and the worker process.").build());

        if (o.coldStarts() > 0) {
            Table.Builder cold = Table.of("Cold start detail", 1, "function", "n", "init (ms)", "first invoke (ms)",
                    "cold start median (min-max) (ms)", "wall-clock median (ms)");
            for (BridgeResults.Row row : r.rows()) {
                coldRow(cold, row.label() + " `" + row.language().handler(row.mode()) + "`", row.cold());
            }
            coldRow(cold, "Java baseline", baseline.cold());
            tables.add(cold.note("Medians. init: runtime process start to its first `GET next` (for a worker: the "
                    + "JVM's start, then the worker's start up to its READY frame); first invoke: the first event "
                    + "delivered to its response; wall-clock: the harness's clock around that first invoke.").build());
        }

        Table.Builder warm = Table.of("Warm detail", 1, "function", "n", "min (us)", "median (us)", "p90 (us)",
                "p99 (us)", "max (us)", "Duration median (us)", "Max Memory Used (MB)");
        for (BridgeResults.Row row : r.rows()) {
            warmRow(warm, row.label(), row.warm());
        }
        warmRow(warm, "Java baseline", baseline.warm());
        tables.add(warm.note("Max Memory Used: the emulator's reading (VmHWM of the runtime process and its "
                + "children) at the last invoke.").build());

        Table.Builder starts = Table.of("Start detail", 2, "language", "what", "n", "min (ms)", "median (ms)",
                "p90 (ms)", "p99 (ms)", "max (ms)");
        for (Language language : r.languages()) {
            BridgeResults.Starts s = r.starts(language);
            startRow(starts, language.label, "bare: `" + language.bareStartLabel + "`", s.bareMs());
            startRow(starts, language.label, "direct run: `" + String.join(" ", language.direct)
                    + (language.eventOnStdin ? " < event" : "") + "`", s.directMs());
        }
        tables.add(starts.build());
        return tables;
    }

    private static void workerRow(Table.Builder table, String name, BridgeResults.Warm warm, double baseline) {
        double roundTrip = warm.roundTripUs().median();
        double duration = warm.durationUs().median();
        table.row(name, roundTrip, duration, roundTrip - duration, duration - baseline);
    }

    private static void coldRow(Table.Builder table, String name, BridgeResults.Cold cold) {
        table.row(name, cold.totalMs().n(), cold.initMs().median(), cold.firstInvokeMs().median(),
                f1(cold.totalMs().median()) + " (" + f1(cold.totalMs().min()) + "-" + f1(cold.totalMs().max()) + ")",
                cold.wallMs().median());
    }

    private static void warmRow(Table.Builder table, String name, BridgeResults.Warm warm) {
        Stats s = warm.roundTripUs();
        table.row(name, s.n(), s.min(), s.median(), s.p90(), s.p99(), s.max(), warm.durationUs().median(),
                warm.maxMemoryUsedMb());
    }

    private static void startRow(Table.Builder table, String language, String what, Stats s) {
        table.row(language, what, s.n(), f2(s.min()), f2(s.median()), f2(s.p90()), f2(s.p99()), f2(s.max()));
    }

    private static List<Panel> panels(BridgeResults.Report r) {
        List<Panel.Group> exec = new ArrayList<>();
        List<Panel.Group> worker = new ArrayList<>();
        List<Panel.Group> cold = new ArrayList<>();
        for (Language language : r.languages()) {
            BridgeResults.Starts starts = r.starts(language);
            BridgeResults.Row e = r.row(language, Mode.EXEC);
            BridgeResults.Row w = r.row(language, Mode.WORKER);
            exec.add(new Panel.Group(language.label, List.of(
                    Panel.Bar.of("bare start", starts.bareMs().median()),
                    Panel.Bar.of("program run directly", starts.directMs().median()),
                    Panel.Bar.withP99("exec: via emulator", e.warm().roundTripUs().median() / 1000,
                            e.warm().roundTripUs().p99() / 1000))));
            worker.add(new Panel.Group(language.label, List.of(Panel.Bar.withP99("worker: via emulator",
                    w.warm().roundTripUs().median(), w.warm().roundTripUs().p99()))));
            if (e.cold() != null && w.cold() != null) {
                cold.add(new Panel.Group(language.label, List.of(coldBar("exec: via emulator", e.cold()),
                        coldBar("worker: via emulator", w.cold()))));
            }
        }
        BridgeResults.Baseline baseline = r.baseline();
        worker.add(new Panel.Group(BASELINE, List.of(Panel.Bar.withP99("Java handler in the JVM (baseline)",
                baseline.warm().roundTripUs().median(), baseline.warm().roundTripUs().p99()))));
        List<Panel> panels = new ArrayList<>();
        panels.add(Panel.linear("Per invocation: warm round trip", "exec: median (whisker p99) beside the bare "
                + "start and the direct run", "ms", exec));
        panels.add(Panel.linear("Persistent worker: warm round trip", "median (whisker p99); dashed: the 1 ms goal",
                "us", worker).withGoal(BridgeGoals.WORKER_MEDIAN_US));
        if (!cold.isEmpty()) {
            if (baseline.cold() != null) {
                cold.add(new Panel.Group(BASELINE, List.of(coldBar("Java handler in the JVM (baseline)",
                        baseline.cold()))));
            }
            panels.add(Panel.linear("Cold start: Init Duration + first Duration", "median of "
                    + r.options().coldStarts() + " new functions; dark: init, light: first invoke", "ms", cold));
        }
        return panels;
    }

    /**
     * A cold start's bar: as tall as the median cold start (the table's number), split at the median init; the
     * medians of init and of the first invoke need not add up to the median of their sums.
     */
    private static Panel.Bar coldBar(String series, BridgeResults.Cold cold) {
        double total = cold.totalMs().median();
        double init = Math.min(cold.initMs().median(), total);
        return new Panel.Bar(series, init, Double.NaN, total - init);
    }
}
