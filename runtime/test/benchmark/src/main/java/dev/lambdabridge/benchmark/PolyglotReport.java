package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The polyglot suite's findings in the one result format: the table of every configuration, the goals (judged on
 * the configuration a function gets from the layers: the interpreter with the AOT cache), where Node.js or CRuby
 * wins, and the three panels of {@link GuestSamples}.
 */
final class PolyglotReport {
    static final Map<String, Double> WARM_GOAL_US = Map.of("JavaScript", 50.0, "Ruby", 100.0);
    static final Map<String, Double> COLD_GOAL_MS = Map.of("JavaScript", 600.0, "Ruby", 1500.0);

    private PolyglotReport() {
    }

    static Report of(PolyglotBenchmark.Results r) {
        GuestSamples samples = r.samples();
        List<Goal> goals = new ArrayList<>();
        for (String lang : samples.groups.keySet()) {
            GuestSamples.Series shipped = samples.get(lang, PolyglotBenchmark.SHIPPED);
            GuestSamples.Series optimizing = samples.get(lang, PolyglotBenchmark.OPTIMIZING);
            List<Double> processes = shipped.failure == null ? shipped.processMedians() : List.of();
            double goal = WARM_GOAL_US.get(lang);
            goals.add(new Goal(lang + " warm in-process overhead (" + PolyglotBenchmark.SHIPPED + ")",
                    shipped.inProcess(0), "us", "<", goal, processes.isEmpty() ? "" : String.format(Locale.ROOT,
                    "each JVM's median %.1f-%.1f us, %d of %d under the goal; optimizing runtime: %s us",
                    processes.getFirst(), processes.getLast(), processes.stream().filter(m -> m < goal).count(),
                    processes.size(), optimizing.inProcess(0) == null ? "n/a" : Table.f1(optimizing.inProcess(0)))));
            goals.add(new Goal(lang + " cold start (" + PolyglotBenchmark.SHIPPED + ")", shipped.cold(), "ms", "<",
                    COLD_GOAL_MS.get(lang), "with the layers' unpacked resources"));
            goals.add(new Goal(lang + " cold start (" + PolyglotBenchmark.EMPTY_TMP + ")",
                    samples.get(lang, PolyglotBenchmark.EMPTY_TMP).cold(), "ms", "<", COLD_GOAL_MS.get(lang),
                    "a new sandbox: nothing may be unpacked into the empty resource cache (the run checks it)"));
        }
        List<String> about = List.of("the key-count handlers of samples/polyglot (js/, ruby/), event events/keys.json;"
                        + " beside them the same handlers in Node.js and CRuby, a process per invocation "
                        + "(samples/polyglot/percall)",
                "runtime: layers/dist's jars with runtime/core's bootstrap and the bridge's target/dist/polyglot, "
                        + "assembled per configuration; the AOT caches trained for each handler with "
                        + "scripts/lambda-local train-aot (" + r.options().trainInvocations() + " invocations)",
                r.options().counts());
        List<Table> tables = List.of(
                samples.table("Results", PolyglotBenchmark.ALONE, "Cold start: the emulator's invoke, which starts "
                        + "the runtime process, to the response (the process alone: started by the harness, the "
                        + "event on stdin, to its exit). Warm: round trips through the emulator. In-process: "
                        + "handle() alone in a JVM with the bootstrap's flags (WarmCalls), median of the JVMs' "
                        + "medians."),
                wins(samples, PolyglotBenchmark.ALONE, PolyglotBenchmark.PER_CALL));
        return new Report("polyglot", "lambda-bridge polyglot bridge: JS and Ruby in-process beside Node.js and CRuby",
                r.environment(), r.options().quick(), about, tables, goals, samples.panels());
    }

    /**
     * Where the other runtime wins: per group, the bridge's best cold start against the other's process alone,
     * and the bridge's warm round trip against a process per invocation.
     */
    static Table wins(GuestSamples samples, String coldReference, String warmReference) {
        Table.Builder table = Table.of("Where Node.js or CRuby wins", 2, "group", "measure", "the bridge's best",
                "the other runtime", "bridge / other", "faster");
        samples.groups.forEach((group, competitors) -> {
            Map.Entry<String, Double> cold = best(competitors, c -> c.cold(), coldReference, warmReference);
            Map.Entry<String, Double> warm = best(competitors, c -> c.warm() == null ? null : c.warm().median(),
                    coldReference, warmReference);
            Double otherCold = competitors.containsKey(coldReference) ? competitors.get(coldReference).cold() : null;
            GuestSamples.Series perCall = competitors.get(warmReference);
            Double otherWarm = perCall == null || perCall.warm() == null ? null : perCall.warm().median();
            row(table, group, "cold start (ms)", cold, otherCold);
            row(table, group, "warm round trip (us)", warm, otherWarm);
        });
        return table.note("The bridge's best: its fastest configuration. The other runtime: for the cold start the "
                + "process alone, for the warm round trip a process per invocation through the emulator.").build();
    }

    private static void row(Table.Builder table, String group, String measure, Map.Entry<String, Double> best,
                            Double other) {
        Double ratio = best == null ? null : Goal.ratio(best.getValue(), other);
        table.row(group, measure, best == null ? "n/a" : Table.f1(best.getValue()) + " (" + best.getKey() + ")",
                other == null ? "n/a" : Table.f1(other), ratio == null ? "n/a" : Table.f2(ratio) + "x",
                ratio == null ? "" : ratio <= 1 ? "the bridge" : "the other runtime");
    }

    private static Map.Entry<String, Double> best(Map<String, GuestSamples.Series> competitors,
                                                  java.util.function.Function<GuestSamples.Series, Double> value,
                                                  String... others) {
        return competitors.entrySet().stream().filter(e -> !List.of(others).contains(e.getKey()))
                .filter(e -> value.apply(e.getValue()) != null)
                .map(e -> Map.entry(e.getKey(), value.apply(e.getValue())))
                .min(Map.Entry.comparingByValue()).orElse(null);
    }
}
