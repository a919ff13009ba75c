package dev.lambdabridge.bridge.polyglot.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown report: the measurements, the goals met or not, and where Node.js or CRuby wins. */
final class Report {
    private static final Map<String, Double> WARM_GOAL_US = Map.of("JavaScript", 50.0, "Ruby", 100.0);
    private static final Map<String, Double> COLD_GOAL_MS = Map.of("JavaScript", 600.0, "Ruby", 1500.0);

    private final Results results;

    Report(Results results) {
        this.results = results;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        BenchOptions o = results.options;
        md.append("# Polyglot bridge benchmark, ").append(LocalDate.now()).append("\n\n");
        md.append("`").append(o.command()).append("`: ").append(results.machine).append(" (load at start ")
                .append(results.loadAtStart).append(", at end ").append(Machine.load()).append("). The key-count ")
                .append("handlers of samples/polyglot, event events/keys.json, ").append(o.memory())
                .append(" MB. Cold start: the emulator's invoke, which starts the runtime process, to the response; ")
                .append(f("median of %d, interleaved. Warm: %d invokes after %d; in-process: handle() alone, ", o.cold(),
                        o.warm(), o.warmup()))
                .append(f("%d calls after %d, median of %d JVMs.%n%n", o.inProcessCalls(), o.inProcessWarmup(),
                        o.inProcessRounds()));
        List<String> langs = List.copyOf(results.coldMs.keySet());
        md.append("| measure | configuration | ").append(String.join(" | ", langs)).append(" |\n|---|---|");
        langs.forEach(l -> md.append("---|"));
        md.append('\n');
        for (String config : results.coldMs.get(langs.get(0)).keySet()) {
            md.append("| cold start, ms | ").append(config.replace("Node.js", "Node.js / CRuby")).append(" |");
            for (String lang : langs) {
                Map<String, List<Double>> byConfig = results.coldMs.get(lang);
                String key = byConfig.containsKey(config) ? config : config.replace("Node.js", "CRuby");
                List<Double> values = byConfig.get(key);
                md.append(values == null ? " - |" : f(" %.0f |", Results.median(values)));
            }
            md.append('\n');
        }
        for (String config : results.warmUs.get(langs.get(0)).keySet()) {
            md.append("| warm round trip, median / p99 us | ").append(config.replace("Node.js", "Node.js / CRuby"))
                    .append(" |");
            for (String lang : langs) {
                Map<String, double[]> byConfig = results.warmUs.get(lang);
                double[] values = byConfig.getOrDefault(config, byConfig.get(config.replace("Node.js", "CRuby")));
                md.append(values == null ? " - |" : f(" %.0f / %.0f |", Results.percentile(values, 50),
                        Results.percentile(values, 99)));
            }
            md.append('\n');
        }
        for (String config : results.inProcessUs.get(langs.get(0)).keySet()) {
            md.append("| warm in-process overhead, median / p99 us | ").append(config).append(" |");
            for (String lang : langs) {
                List<Double> jvms = results.inProcessMedians(lang, config);
                md.append(f(" %.1f / %.0f (JVMs %.1f-%.1f) |", results.inProcess(lang, config, 0),
                        results.inProcess(lang, config, 1), jvms.get(0), jvms.get(jvms.size() - 1)));
            }
            md.append('\n');
        }

        md.append("\n## The issue's goals\n\nJudged on one configuration, the one a function gets from the layers: the "
                + "interpreter with the AOT cache (the optimizing runtime's cold start is too long to ship by default); "
                + "what the optimizing runtime reaches is said beside it.\n\n| goal | measured | met |\n|---|---|---|\n");
        for (String lang : langs) {
            double warm = results.inProcess(lang, "interpreter", 0);
            double warmOpt = results.inProcess(lang, "optimizing", 0);
            double goal = WARM_GOAL_US.get(lang);
            List<Double> jvms = results.inProcessMedians(lang, "interpreter");
            long under = jvms.stream().filter(median -> median < goal).count();
            md.append(f("| %s warm in-process overhead under %.0f us | %.1f us, median of %d JVMs (each JVM's median: "
                    + "%.1f-%.1f us; %d of %d under the goal); optimizing runtime: %.1f us, after %d calls | %s |%n",
                    lang, goal, warm, jvms.size(), jvms.get(0), jvms.get(jvms.size() - 1), under, jvms.size(), warmOpt,
                    o.inProcessWarmup() + o.inProcessCalls(),
                    warm < goal ? (under == jvms.size() ? "met" : "met by the median, not by every JVM")
                            : warmOpt < goal ? "not met (met with the optimizing runtime)" : "not met"));
        }
        for (String lang : langs) {
            double cold = Results.median(results.coldMs.get(lang).get("interpreter + AOT cache"));
            double empty = Results.median(results.coldMs.get(lang).get("interpreter + AOT cache, empty /tmp"));
            double goal = COLD_GOAL_MS.get(lang);
            md.append(f("| %s cold start under %.0f ms | %.0f ms (%.0f ms with an empty /tmp, a new sandbox) | %s |%n",
                    lang, goal, cold, empty, cold < goal && empty < goal ? "met"
                            : cold < goal ? "met with a warm /tmp only" : "not met"));
        }

        md.append("\n## Where Node.js or CRuby wins\n\n");
        for (String lang : langs) {
            String other = lang.equals("Ruby") ? "CRuby" : "Node.js";
            Map.Entry<String, Double> best = bestBridgeCold(lang);
            double alone = Results.median(results.coldMs.get(lang).get(other + ", process per invocation (the process alone)"));
            double throughRuntime = Results.median(results.coldMs.get(lang)
                    .get(other + ", process per invocation (runtime + first process)"));
            double[] perCall = results.warmUs.get(lang).get(other + ", process per invocation");
            double[] inProc = results.warmUs.get(lang).get("in-process (interpreter)");
            double perCallMedian = Results.percentile(perCall, 50);
            double inProcMedian = Results.percentile(inProc, 50);
            md.append(f("- **%s, cold start**: %s wins. Its process starts, runs the handler and answers in %.0f ms; "
                    + "the bridge's best first response is %.0f ms (%s), %.1fx as long. (Behind this runtime, with "
                    + "the JVM starting first, the per-invocation %s function's first response is %.0f ms.)%n",
                    lang, other, alone, best.getValue(), best.getKey(), best.getValue() / alone, other, throughRuntime));
            md.append(f("- **%s, warm**: the bridge wins: %.0f us per invocation through the emulator against %.0f us "
                    + "for a %s process per invocation (%.0fx).%n", lang, inProcMedian, perCallMedian, other,
                    perCallMedian / inProcMedian));
        }
        md.append("\nNot compared here: a persistent Node.js or CRuby process (the managed runtimes' model, or this "
                + "project's worker: bridge), which would answer warm invocations in the same range as the bridge.\n");
        return md.toString();
    }

    /** The fastest in-process configuration's median cold start. */
    Map.Entry<String, Double> bestBridgeCold(String lang) {
        return results.coldMs.get(lang).entrySet().stream()
                .filter(e -> !e.getKey().contains("process per invocation"))
                .map(e -> Map.entry(e.getKey(), Results.median(e.getValue())))
                .min(Map.Entry.comparingByValue()).orElseThrow();
    }
}
