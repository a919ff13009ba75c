package dev.lambdabridge.benchmark;

import dev.lambdabridge.benchmark.Language.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The process-bridge chart, written by hand in the style of {@link SvgChart}: three panels of grouped bars (groups =
 * languages): exec: round trip beside the bare start and the direct run of the program, in ms; the worker round
 * trip in us with the 1 ms goal drawn; the cold start of each function (init + first invoke, stacked) in ms. Linear
 * axes with labelled ticks, every bar labelled, p99 whiskers on the round trips, the goals' verdicts underneath.
 */
final class BridgeChart {
    private static final int WIDTH = 1420;
    private static final int HEIGHT = 600;
    private static final int PLOT_TOP = 150;
    private static final int PLOT_BOTTOM = 450;
    private static final int PANEL_WIDTH = 380;
    private static final int[] PANEL_LEFT = {80, 550, 1020};
    private static final String BARE = "#7f7f7f";
    private static final String DIRECT = "#bcbd22";
    private static final String EXEC = "#ff7f0e";
    private static final String WORKER = "#1f77b4";
    private static final String JAVA = "#2ca02c";
    private static final String FIRST_INVOKE = "#9edae5";

    private BridgeChart() {
    }

    /** One bar: a value (and optionally a p99 whisker, or a second stacked segment) in its group. */
    record Bar(String label, String color, double value, double whisker, double stacked, String stackedColor,
               String title) {
        static Bar plain(String label, String color, double value, String title) {
            return new Bar(label, color, value, Double.NaN, Double.NaN, null, title);
        }

        double top() {
            return Double.isNaN(stacked) ? value : value + stacked;
        }
    }

    record Group(String label, List<Bar> bars) {
    }

    static String render(BridgeResults.Report report) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"white\"/>\n");
        BridgeResults.Environment env = report.environment();
        Svg.text(svg, WIDTH / 2.0, 24, "middle", 16, "bold", "lambda-bridge process bridge: PHP, Ruby, Go, Python, Node.js per "
                + "invocation (exec:) and as persistent workers (worker:), on the local emulator");
        Svg.text(svg, WIDTH / 2.0, 44, "middle", 11, "normal", env.date() + " - " + env.uname() + ", nproc "
                + env.nproc() + ", load " + env.loadAtStart() + " .. " + env.loadAtEnd() + " - " + env.jvm()
                + (report.options().quick() ? " - QUICK SMOKE RUN" : ""));
        legend(svg);

        List<Group> exec = new ArrayList<>();
        List<Group> worker = new ArrayList<>();
        List<Group> cold = new ArrayList<>();
        for (Language language : report.languages()) {
            BridgeResults.Starts starts = report.starts(language);
            BridgeResults.Row e = report.row(language, Mode.EXEC);
            BridgeResults.Row w = report.row(language, Mode.WORKER);
            exec.add(new Group(language.label, List.of(
                    Bar.plain("bare", BARE, starts.bareMs().median(), language.bareStartLabel),
                    Bar.plain("direct", DIRECT, starts.directMs().median(), "the program run directly"),
                    new Bar("exec:", EXEC, e.warm().roundTripUs().median() / 1000,
                            e.warm().roundTripUs().p99() / 1000, Double.NaN, null, e.language().execHandler))));
            worker.add(new Group(language.label, List.of(new Bar("worker:", WORKER, w.warm().roundTripUs().median(),
                    w.warm().roundTripUs().p99(), Double.NaN, null, w.language().workerHandler))));
            if (e.cold() != null && w.cold() != null) {
                cold.add(new Group(language.label, List.of(coldBar("exec:", EXEC, e.cold(), language.execHandler),
                        coldBar("worker:", WORKER, w.cold(), language.workerHandler))));
            }
        }
        BridgeResults.Baseline baseline = report.baseline();
        worker.add(new Group("Java (in JVM)", List.of(new Bar("java", JAVA, baseline.warm().roundTripUs().median(),
                baseline.warm().roundTripUs().p99(), Double.NaN, null, baseline.handler()))));
        if (baseline.cold() != null && !cold.isEmpty()) {
            cold.add(new Group("Java (in JVM)", List.of(coldBar("java", JAVA, baseline.cold(), baseline.handler()))));
        }

        panel(svg, PANEL_LEFT[0], "Per invocation: warm round trip", "exec: median (whisker p99) beside the bare "
                + "start and the direct run, ms", "ms", exec, axis(exec), Double.NaN);
        double workerAxis = Math.max(axis(worker), SvgChart.niceMax(BridgeGoals.WORKER_MEDIAN_US * 1.1));
        panel(svg, PANEL_LEFT[1], "Persistent worker: warm round trip", "median (whisker p99), microseconds; "
                + "dashed: the 1 ms goal", "us", worker, workerAxis, BridgeGoals.WORKER_MEDIAN_US);
        if (!cold.isEmpty()) {
            double coldMax = cold.stream().flatMap(g -> g.bars().stream()).mapToDouble(Bar::top).max().orElse(1);
            panel(svg, PANEL_LEFT[2], "Cold start: Init Duration + first Duration", "median of "
                    + report.options().coldStarts() + " new functions; dark: init, light: first invoke; ms", "ms", cold,
                    SvgChart.niceMax(coldMax * 1.1), Double.NaN);
        }

        int y = 535;
        StringBuilder goals = new StringBuilder();
        for (Results.Goal goal : report.goals()) {
            if (!goal.checked()) {
                continue;
            }
            String value = goal.unit().isEmpty() ? MarkdownReport.f1(goal.value()) + "x"
                    : MarkdownReport.f1(goal.value()) + " " + goal.unit();
            String line = goal.name() + ": " + value + " (" + goal.comparator() + " " + BridgeReport.target(goal)
                    + ": " + goal.verdict() + ")";
            if (goals.length() + line.length() > 200) {
                Svg.text(svg, 20, y, "start", 11, "normal", goals.toString());
                y += 16;
                goals.setLength(0);
            }
            goals.append(goals.isEmpty() ? "" : "   |   ").append(line);
        }
        if (!goals.isEmpty()) {
            Svg.text(svg, 20, y, "start", 11, "normal", goals.toString());
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * A cold start's bar: as tall as the median cold start (the table's number), split at the median init; the
     * medians of init and of the first invoke need not add up to the median of their sums.
     */
    private static Bar coldBar(String label, String color, BridgeResults.Cold cold, String title) {
        double total = cold.totalMs().median();
        double init = Math.min(cold.initMs().median(), total);
        return new Bar(label, color, init, Double.NaN, total - init, FIRST_INVOKE, title + ": cold start "
                + number(total) + " ms (medians: init " + number(cold.initMs().median()) + " ms, first invoke "
                + number(cold.firstInvokeMs().median()) + " ms)");
    }

    /** An axis that shows every median with room, and the whiskers up to three times the largest median. */
    private static double axis(List<Group> groups) {
        double medians = groups.stream().flatMap(g -> g.bars().stream()).mapToDouble(Bar::top).max().orElse(1);
        double whiskers = groups.stream().flatMap(g -> g.bars().stream()).mapToDouble(Bar::whisker)
                .filter(v -> !Double.isNaN(v)).max().orElse(0);
        return SvgChart.niceMax(Math.max(medians * 1.15, Math.min(whiskers * 1.05, medians * 3)));
    }

    private static void legend(StringBuilder svg) {
        String[][] entries = {{BARE, "bare start"}, {DIRECT, "program run directly"}, {EXEC, "exec: via emulator"},
                {WORKER, "worker: via emulator"}, {JAVA, "Java handler in the JVM (baseline)"},
                {FIRST_INVOKE, "cold start: first invoke"}};
        double width = 0;
        for (String[] entry : entries) {
            width += 44 + entry[1].length() * 6.8;
        }
        double x = (WIDTH - width) / 2;
        for (String[] entry : entries) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"58\" width=\"14\" height=\"14\" fill=\"%s\"/>%n",
                    x, entry[0]));
            Svg.text(svg, x + 20, 70, "start", 12, "normal", entry[1]);
            x += 44 + entry[1].length() * 6.8;
        }
    }

    /** One panel: axes, ticks, grid, grouped bars, value labels, whiskers, stacked segments, a goal line. */
    private static void panel(StringBuilder svg, int left, String title, String subtitle, String unit,
                              List<Group> groups, double axisMax, double goal) {
        int right = left + PANEL_WIDTH;
        Svg.text(svg, left + PANEL_WIDTH / 2.0, PLOT_TOP - 40, "middle", 13, "bold", title);
        Svg.text(svg, left + PANEL_WIDTH / 2.0, PLOT_TOP - 25, "middle", 11, "normal", subtitle);
        double step = axisMax / 5;
        for (int i = 0; i <= 5; i++) {
            double y = yOf(i * step, axisMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    left, y, right, y, i == 0 ? "#000" : "#ddd"));
            Svg.text(svg, left - 6, y + 4, "end", 11, "normal", number(i * step));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n",
                left, PLOT_TOP, left, PLOT_BOTTOM));
        double midY = (PLOT_TOP + PLOT_BOTTOM) / 2.0;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n", left - 50, midY, left - 50, midY,
                Svg.escape(unit)));
        if (!Double.isNaN(goal) && goal <= axisMax) {
            double gy = yOf(goal, axisMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>%n", left, gy, right, gy));
            Svg.text(svg, right + 4, gy - 2, "start", 10, "normal", "goal");
            Svg.text(svg, right + 4, gy + 10, "start", 10, "normal", "< " + number(goal) + " " + unit);
        }

        double groupWidth = (double) PANEL_WIDTH / Math.max(1, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double groupLeft = left + g * groupWidth;
            Svg.text(svg, groupLeft + groupWidth / 2, PLOT_BOTTOM + 34, "middle", 12, "bold", group.label());
            double barWidth = Math.min(60, groupWidth * 0.8 / group.bars().size());
            double barsLeft = groupLeft + (groupWidth - barWidth * group.bars().size()) / 2;
            for (int b = 0; b < group.bars().size(); b++) {
                Bar bar = group.bars().get(b);
                double x = barsLeft + b * barWidth;
                double center = x + barWidth / 2;
                double top = yOf(Math.min(bar.value(), axisMax), axisMax);
                rect(svg, x + 3, top, barWidth - 6, PLOT_BOTTOM - top, bar.color(),
                        bar.title() + ": " + number(bar.value()) + " " + unit);
                double labelTop = top;
                if (!Double.isNaN(bar.stacked())) {
                    double stackTop = yOf(Math.min(bar.top(), axisMax), axisMax);
                    rect(svg, x + 3, stackTop, barWidth - 6, top - stackTop, bar.stackedColor(), bar.title());
                    labelTop = stackTop;
                }
                Svg.text(svg, center, PLOT_BOTTOM + 15, "middle", 10, "normal", bar.label());
                if (!Double.isNaN(bar.whisker())) {
                    // the whisker starts above the bar's label, so that both stay readable on narrow bars
                    double p99 = bar.whisker();
                    double wy = yOf(Math.min(p99, axisMax), axisMax);
                    double from = labelTop - 17;
                    if (wy < from) {
                        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                                + "y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.5\"/>%n", center, from, center, wy));
                    }
                    if (p99 > axisMax) {
                        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l-5 8 h10 z\" fill=\"#333\"/>%n",
                                center, wy));
                        Svg.text(svg, center, PLOT_TOP - 4, "middle", 8, "normal", "p99 " + number(p99));
                    } else if (wy < from) {
                        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                                + "y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.5\"/>%n", center - 6, wy, center + 6, wy));
                        Svg.text(svg, center, wy - 4, "middle", 9, "normal", "p99 " + number(p99));
                    }
                }
                Svg.text(svg, center, labelTop - 4, "middle", 11, "bold", number(bar.top()));
            }
        }
    }

    private static void rect(StringBuilder svg, double x, double y, double width, double height, String color,
                             String title) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\"><title>%s</title></rect>%n", x, y, Math.max(0, width), Math.max(0, height), color,
                Svg.escape(title)));
    }

    private static double yOf(double value, double axisMax) {
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * value / axisMax;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

}
