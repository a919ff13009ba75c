package dev.lambdabridge.bridge.polyglot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Ruby stdlib benchmark's table (markdown, with the goals: warm in-process cost at most 1.0x CRuby's with the
 * optimizing runtime, cold start at most 3 s) and its SVG chart (median cold start and warm in-process cost).
 */
final class RubyStdlibReport {
    static final double COLD_GOAL_MS = 3000;
    static final double WARM_GOAL_RATIO = 1.0;
    private static final String CRUBY = "AWS Ruby RIC on CRuby";

    private final RubyStdlibResults results;

    RubyStdlibReport(RubyStdlibResults results) {
        this.results = results;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Ruby stdlib handler: the ruby: bridge beside AWS's Ruby runtime interface client on CRuby\n\n");
        md.append(f("Command: `%s` (commit %s); %s; %s. Memory %d MB; %d cold starts per competitor (interleaved), %d warm "
                        + "round trips after %d, in-process: %d rounds of %d calls after %d. Medians; ratios to CRuby.%n%n",
                results.options.command(), results.options.commit(), results.date, results.machine,
                results.options.memory(),
                results.options.cold(), results.options.warm(), results.options.warmup(),
                results.options.inProcessRounds(), results.options.inProcessCalls(),
                results.options.inProcessWarmup()));
        md.append("| competitor | cold start ms | cold / CRuby | warm round trip us (p99) | in-process us (p99) | "
                + "in-process / CRuby |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        double crubyCold = results.coldMedian(CRUBY);
        double crubyIn = results.inProcess(CRUBY, 0);
        for (String name : results.coldMs.keySet()) {
            md.append(f("| %s | %.0f | %.2f | %.0f (%.0f) | %.1f (%.1f) | %.2f |%n", name, results.coldMedian(name),
                    results.coldMedian(name) / crubyCold, results.warmPercentile(name, 50),
                    results.warmPercentile(name, 99), results.inProcess(name, 0), results.inProcess(name, 1),
                    results.inProcess(name, 0) / crubyIn));
        }
        String optimizing = "ruby: bridge, optimizing";
        double ratio = results.inProcess(optimizing, 0) / crubyIn;
        md.append(f("%nGoals: warm in-process cost with the optimizing runtime at most %.1fx CRuby's: %.2fx, %s; "
                        + "cold start at most %.0f s: %s.%n", WARM_GOAL_RATIO, ratio, ratio <= WARM_GOAL_RATIO ? "met"
                        : "not met", COLD_GOAL_MS / 1000, results.coldMs.keySet().stream().filter(n -> !n.equals(CRUBY))
                        .map(n -> f("%s %.0f ms (%s)", n, results.coldMedian(n),
                                results.coldMedian(n) <= COLD_GOAL_MS ? "met" : "not met"))
                        .collect(Collectors.joining(", "))));
        md.append("\nCold starts (ms, each): ").append(results.coldMs.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().map(v -> f("%.0f", v))
                        .collect(Collectors.joining(" "))).collect(Collectors.joining("; "))).append('\n');
        return md.toString();
    }

    private record Bar(String label, double value, String unit) {
    }

    String svg() {
        List<Bar> cold = new ArrayList<>();
        List<Bar> warm = new ArrayList<>();
        for (String name : results.coldMs.keySet()) {
            cold.add(new Bar(name, results.coldMedian(name), "ms"));
            warm.add(new Bar(name, results.inProcess(name, 0), "us"));
        }
        int width = 900;
        int label = 260;
        int height = 80 + (cold.size() + warm.size()) * 26 + 60;
        StringBuilder svg = new StringBuilder(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width, height));
        int y = section(svg, "Cold start, median ms (goal: 3000 ms)", cold, COLD_GOAL_MS, 20, width, label);
        section(svg, "Warm in-process cost, median us (handler + event/result JSON)", warm, Double.NaN, y + 30, width,
                label);
        svg.append(f("<text x=\"10\" y=\"%d\" fill=\"#555\">%s</text>%n", height - 10, escape(results.date + ", "
                + results.machine)));
        return svg.append("</svg>\n").toString();
    }

    private static int section(StringBuilder svg, String title, List<Bar> bars, double goal, int top, int width,
                               int label) {
        double max = Math.max(bars.stream().mapToDouble(Bar::value).max().orElse(1), Double.isNaN(goal) ? 0 : goal)
                * 1.1;
        double scale = (width - label - 80) / max;
        svg.append(f("<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", top + 12, escape(title)));
        int y = top + 24;
        String[] colours = {"#b22222", "#8b0000", "#4682b4"};
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            svg.append(f("<text x=\"10\" y=\"%d\">%s</text>%n", y + 13, escape(bar.label())));
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n", label, y,
                    bar.value() * scale, colours[i % colours.length]));
            svg.append(f("<text x=\"%.1f\" y=\"%d\">%.1f %s</text>%n", label + bar.value() * scale + 5, y + 13,
                    bar.value(), bar.unit()));
            y += 26;
        }
        if (!Double.isNaN(goal)) {
            svg.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4 3\"/>%n",
                    label + goal * scale, top + 20, label + goal * scale, y));
        }
        return y;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
