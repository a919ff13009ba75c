package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the polyglot suites measured, by group (a language or a handler) and competitor (a runtime configuration,
 * or AWS's Node.js or Ruby client), in the order first measured: cold starts (ms), warm round trips (us) and the
 * in-process cost of each JVM or process ({median, p99} us). A competitor that fails a group is kept with its
 * error and not measured again.
 */
final class GuestSamples {

    /** One competitor's samples in one group. */
    static final class Series {
        final List<Double> coldMs = new ArrayList<>();
        double[] warmUs;
        final List<double[]> inProcessUs = new ArrayList<>();
        String failure;

        Double cold() {
            return failure != null || coldMs.isEmpty() ? null
                    : Stats.of(coldMs.stream().mapToDouble(Double::doubleValue).toArray()).median();
        }

        Stats warm() {
            return failure != null || warmUs == null ? null : Stats.of(warmUs);
        }

        /** The median over processes of their medians (index 0) or p99s (index 1). */
        Double inProcess(int index) {
            return failure != null || inProcessUs.isEmpty() ? null
                    : Stats.of(inProcessUs.stream().mapToDouble(pair -> pair[index]).toArray()).median();
        }

        /** Each process's in-process median, sorted. */
        List<Double> processMedians() {
            return inProcessUs.stream().map(pair -> pair[0]).sorted().toList();
        }
    }

    /** One measurement into a series; may throw (the series then records the failure). */
    interface Measurement {
        void into(Series series) throws Exception;
    }

    final Map<String, Map<String, Series>> groups = new LinkedHashMap<>();

    Series get(String group, String competitor) {
        return groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).computeIfAbsent(competitor,
                k -> new Series());
    }

    /** Runs one measurement, unless the competitor failed this group before; a failure is kept, not thrown. */
    void measure(String group, String competitor, Measurement measurement) {
        Series series = get(group, competitor);
        if (series.failure != null) {
            return;
        }
        try {
            measurement.into(series);
        } catch (Exception | AssertionError e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            series.failure = first.length() > 240 ? first.substring(0, 240) + "..." : first;
            System.err.println("FAILED: " + group + " on " + competitor + ": " + e.getMessage());
        }
    }

    /** The table every polyglot suite prints: per group and competitor, cold, warm and in-process, and failures. */
    Table table(String title, String reference, String note) {
        Table.Builder table = Table.of(title, 2, "group", "runtime", "cold start median (ms)",
                "warm median / p99 (us)", "in-process median / p99 (us)", "cold / " + reference,
                "in-process / " + reference);
        groups.forEach((group, competitors) -> {
            Series theirs = competitors.get(reference);
            competitors.forEach((competitor, s) -> {
                if (s.failure != null) {
                    table.row(group, competitor, "failed: " + s.failure, "", "", "", "");
                    return;
                }
                Stats warm = s.warm();
                table.row(group, competitor, s.cold() == null ? "" : Table.f0(s.cold()),
                        warm == null ? "" : Table.f0(warm.median()) + " / " + Table.f0(warm.p99()),
                        s.inProcess(0) == null ? "" : Table.f1(s.inProcess(0)) + " / " + Table.f0(s.inProcess(1)),
                        ratio(s.cold(), theirs == null ? null : theirs.cold()),
                        ratio(s.inProcess(0), theirs == null ? null : theirs.inProcess(0)));
            });
        });
        return table.note(note).build();
    }

    private static String ratio(Double ours, Double theirs) {
        Double ratio = Goal.ratio(ours, theirs);
        return ratio == null ? "" : Table.f2(ratio) + "x";
    }

    /** Three panels: cold start, warm round trip (log) and in-process cost (log), a group per group. */
    List<Panel> panels() {
        List<Panel.Group> cold = new ArrayList<>();
        List<Panel.Group> warm = new ArrayList<>();
        List<Panel.Group> inProcess = new ArrayList<>();
        groups.forEach((group, competitors) -> {
            List<Panel.Bar> c = new ArrayList<>();
            List<Panel.Bar> w = new ArrayList<>();
            List<Panel.Bar> p = new ArrayList<>();
            competitors.forEach((competitor, s) -> {
                if (s.cold() != null) {
                    c.add(Panel.Bar.of(competitor, s.cold()));
                }
                if (s.warm() != null) {
                    w.add(Panel.Bar.withP99(competitor, s.warm().median(), s.warm().p99()));
                }
                if (s.inProcess(0) != null) {
                    p.add(Panel.Bar.withP99(competitor, s.inProcess(0), s.inProcess(1)));
                }
            });
            cold.add(new Panel.Group(group, c));
            warm.add(new Panel.Group(group, w));
            inProcess.add(new Panel.Group(group, p));
        });
        return List.of(
                Panel.linear("Cold start", "median, process start to first response", "ms", cold),
                Panel.linear("Warm round trip via the emulator", "median, whisker p99", "us", warm).logarithmic(),
                Panel.linear("Warm in-process cost", "one invocation without the Runtime API; median, whisker p99",
                        "us", inProcess).logarithmic());
    }
}
