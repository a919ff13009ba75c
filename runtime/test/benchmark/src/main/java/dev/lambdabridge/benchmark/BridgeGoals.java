package dev.lambdabridge.benchmark;

import dev.lambdabridge.benchmark.Language.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The goals for the process bridge, checked against one run. A goal whose language did not run is n/a. */
final class BridgeGoals {
    /** Worker mode: median warm round trip under 1 ms, for every language. */
    static final double WORKER_MEDIAN_US = 1000;
    /** Worker mode at least this many times faster than per-invocation mode (medians). */
    static final double PHP_RATIO = 10;
    static final double RUBY_RATIO = 40;

    private BridgeGoals() {
    }

    static List<Goal> check(BridgeResults.Report report) {
        List<Goal> goals = new ArrayList<>();
        for (Language language : Language.values()) {
            BridgeResults.Row worker = report.row(language, Mode.WORKER);
            goals.add(new Goal(language.label + " worker: warm median round trip",
                    worker == null ? null : worker.warm().roundTripUs().median(), "us", "<", WORKER_MEDIAN_US,
                    worker == null ? "not run" : String.format(Locale.ROOT, "p99 %.1f us; the worker's Duration "
                            + "(runtime's share) %.1f us", worker.warm().roundTripUs().p99(),
                            worker.warm().durationUs().median())));
        }
        goals.add(ratio(report, Language.PHP, PHP_RATIO));
        goals.add(ratio(report, Language.RUBY, RUBY_RATIO));
        return goals;
    }

    /** exec: median / worker: median of one language; the Go ratio has no goal and is in the report's table. */
    private static Goal ratio(BridgeResults.Report report, Language language, double target) {
        BridgeResults.Row exec = report.row(language, Mode.EXEC);
        BridgeResults.Row worker = report.row(language, Mode.WORKER);
        Double value = ratio(exec, worker);
        String note = value == null ? "not run" : String.format(Locale.ROOT, "exec: %.1f us / worker: %.1f us",
                exec.warm().roundTripUs().median(), worker.warm().roundTripUs().median());
        return new Goal(language.label + ": exec: median / worker: median", value, "x", ">=", target, note);
    }

    static Double ratio(BridgeResults.Row exec, BridgeResults.Row worker) {
        if (exec == null || worker == null || worker.warm().roundTripUs().median() <= 0) {
            return null;
        }
        return exec.warm().roundTripUs().median() / worker.warm().roundTripUs().median();
    }
}
