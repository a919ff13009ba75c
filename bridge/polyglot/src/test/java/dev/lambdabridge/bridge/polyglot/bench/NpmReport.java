package dev.lambdabridge.bridge.polyglot.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** NpmBench's markdown table (goals, where Node.js wins) and its SVG chart. */
final class NpmReport {
    private static final String[] COLOURS = {"#6a5acd", "#2e8b57", "#b22222"};
    private static final int WIDTH = 1000;
    private static final int LABEL = 380;
    private static final int BAR = 14;

    private final NpmBench bench;
    private final List<Competitor> competitors;
    private final BenchOptions options;
    private final String machine;
    private final String loadAtStart;
    private final String node;

    NpmReport(NpmBench bench, List<Competitor> competitors, BenchOptions options, String machine, String loadAtStart) {
        this.bench = bench;
        this.competitors = competitors;
        this.options = options;
        this.machine = machine;
        this.loadAtStart = loadAtStart;
        this.node = competitors.get(competitors.size() - 1).label();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private NpmBench.Series series(String handler, String competitor) {
        return bench.series.get(handler).get(competitor);
    }

    private static Double cold(NpmBench.Series s) {
        return s == null || s.coldMs.isEmpty() || s.failure != null ? null : Results.median(s.coldMs);
    }

    private static Double warm(NpmBench.Series s) {
        return s == null || s.warmUs == null || s.failure != null ? null : Results.percentile(s.warmUs, 50);
    }

    private static Double inProcess(NpmBench.Series s, int index) {
        return s == null || s.inProcessUs.isEmpty() || s.failure != null ? null
                : Results.median(s.inProcessUs.stream().map(pair -> pair[index]).toList());
    }

    private static String ratio(Double ours, Double theirs) {
        return ours == null || theirs == null ? "-" : f("%.2fx", ours / theirs);
    }

    String markdown(String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# npm handlers beside AWS's Node.js runtime, ").append(LocalDate.now()).append("\n\n");
        md.append("`").append(options.command()).append("`: ").append(machine).append(" (load at start ")
                .append(loadAtStart).append(", at end ").append(Machine.load()).append("). Handlers of ")
                .append("bridge/polyglot/src/test/npm/functions, ").append(options.memory()).append(" MB; the AWS SDK ")
                .append("handler calls dynalite on 127.0.0.1 (DescribeTable, PutItem, GetItem per invocation). ")
                .append(f("Cold start: the emulator's invoke (which starts the runtime process) to the first response, "
                        + "median of %d, interleaved. Warm round trip: %d invokes through the emulator after %d. "
                        + "In-process: one invocation without the Runtime API (the bridge's handle(), or in Node.js "
                        + "the handler awaited with JSON parse and stringify), %d calls after %d, median of %d "
                        + "processes (the AWS SDK handler: a twentieth of the calls). ",
                        options.cold(), options.warm(), options.warmup(), options.inProcessCalls(),
                        options.inProcessWarmup(), options.inProcessRounds()))
                .append("The machine is shared (2 cores, other engineers' builds): medians and ratios only.\n\n");
        md.append("| handler | runtime | cold start, ms | warm round trip, median / p99 us | in-process, median / p99 us"
                + " | cold vs Node.js | in-process vs Node.js |\n|---|---|---|---|---|---|---|\n");
        for (NpmBench.Handler h : bench.handlers) {
            NpmBench.Series theirs = series(h.label(), node);
            for (Competitor c : competitors) {
                NpmBench.Series s = series(h.label(), c.label());
                if (s.failure != null) {
                    md.append(f("| %s | %s | failed: %s | | | | |%n", h.label(), c.label(),
                            s.failure.replace("|", "\\|")));
                    continue;
                }
                md.append(f("| %s | %s | %.0f | %.0f / %.0f | %.1f / %.0f | %s | %s |%n", h.label(), c.label(), cold(s),
                        warm(s), Results.percentile(s.warmUs, 99), inProcess(s, 0), inProcess(s, 1),
                        c.label().equals(node) ? "1.00x" : ratio(cold(s), cold(theirs)),
                        c.label().equals(node) ? "1.00x" : ratio(inProcess(s, 0), inProcess(theirs, 0))));
            }
        }
        goals(md);
        nodeWins(md);
        md.append("\n![chart](").append(chartFile).append(")\n");
        return md.toString();
    }

    private void goals(StringBuilder md) {
        md.append("\n## The issue's goals\n\n| goal | measured | met |\n|---|---|---|\n");
        String optimizing = competitors.get(1).label();
        for (NpmBench.Handler h : bench.handlers.subList(1, bench.handlers.size())) {
            Double ours = inProcess(series(h.label(), optimizing), 0);
            Double theirs = inProcess(series(h.label(), node), 0);
            md.append(f("| %s: warm in-process overhead, optimizing runtime, at most 1.0x Node.js's | %s | %s |%n",
                    h.label(), ours == null || theirs == null ? "not measured (a run failed)"
                            : f("%.1f us vs %.1f us: %s", ours, theirs, ratio(ours, theirs)),
                    ours == null || theirs == null ? "not met" : ours <= theirs ? "met" : "not met"));
        }
        for (NpmBench.Handler h : bench.handlers) {
            Double theirs = cold(series(h.label(), node));
            for (Competitor c : competitors.subList(0, 2)) {
                Double ours = cold(series(h.label(), c.label()));
                md.append(f("| %s: cold start at most 3x Node.js's, %s | %s | %s |%n", h.label(), c.label(),
                        ours == null || theirs == null ? "not measured (a run failed)"
                                : f("%.0f ms vs %.0f ms: %s", ours, theirs, ratio(ours, theirs)),
                        ours == null || theirs == null ? "not met" : ours <= 3 * theirs ? "met" : "not met"));
            }
        }
    }

    private void nodeWins(StringBuilder md) {
        md.append("\n## Where Node.js wins\n\n");
        List<String> wins = new ArrayList<>();
        for (NpmBench.Handler h : bench.handlers) {
            NpmBench.Series theirs = series(h.label(), node);
            for (Competitor c : competitors.subList(0, 2)) {
                NpmBench.Series s = series(h.label(), c.label());
                if (s.failure != null) {
                    wins.add(f("- %s, %s: the bridge failed (%s); Node.js runs it.", h.label(), c.label(), s.failure));
                    continue;
                }
                for (Object[] m : new Object[][] {{"cold start", cold(s), cold(theirs), "ms"},
                        {"warm round trip", warm(s), warm(theirs), "us"},
                        {"in-process", inProcess(s, 0), inProcess(theirs, 0), "us"}}) {
                    Double ours = (Double) m[1];
                    Double other = (Double) m[2];
                    if (ours != null && other != null && ours > other) {
                        wins.add(f("- %s, %s, %s: Node.js %.1f %s, the bridge %.1f %s (%.2fx).", h.label(), c.label(),
                                m[0], other, m[3], ours, m[3], ours / other));
                    }
                }
            }
        }
        md.append(wins.isEmpty() ? "Nowhere in this run.\n" : String.join("\n", wins) + "\n");
    }

    private record Bar(String label, double value, int colour) {
    }

    String svg() {
        List<Bar> cold = new ArrayList<>();
        List<Bar> inProc = new ArrayList<>();
        for (NpmBench.Handler h : bench.handlers) {
            for (int i = 0; i < competitors.size(); i++) {
                NpmBench.Series s = series(h.label(), competitors.get(i).label());
                String label = h.label() + ": " + competitors.get(i).label();
                if (cold(s) != null) {
                    cold.add(new Bar(label, cold(s), i));
                }
                if (inProcess(s, 0) != null) {
                    inProc.add(new Bar(label, inProcess(s, 0), i));
                }
            }
        }
        int coldHeight = 40 + cold.size() * (BAR + 6);
        int height = coldHeight + 40 + inProc.size() * (BAR + 6) + 30;
        StringBuilder svg = new StringBuilder(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH, height));
        section(svg, "Cold start, median ms (linear)", cold, 20, false);
        section(svg, "Warm in-process cost of one invocation, median us (logarithmic)", inProc, coldHeight + 20, true);
        return svg.append("</svg>\n").toString();
    }

    private static void section(StringBuilder svg, String title, List<Bar> bars, int top, boolean log) {
        svg.append(f("<text x=\"10\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", top, title));
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1) * 1.15;
        double min = log ? Math.max(0.1, bars.stream().mapToDouble(Bar::value).min().orElse(1) / 2) : 0;
        int span = WIDTH - LABEL - 80;
        int y = top + 14;
        for (Bar bar : bars) {
            double fraction = log ? Math.log(bar.value() / min) / Math.log(max / min) : bar.value() / max;
            int w = (int) Math.max(1, Math.round(fraction * span));
            svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 6, y + BAR - 3,
                    escape(bar.label())));
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL, y, w, BAR,
                    COLOURS[bar.colour() % COLOURS.length]));
            svg.append(f("<text x=\"%d\" y=\"%d\">%s</text>%n", LABEL + w + 4, y + BAR - 3,
                    bar.value() >= 100 ? f("%.0f", bar.value()) : f("%.1f", bar.value())));
            y += BAR + 6;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
