package dev.lambdabridge.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The chart, written by hand: three panels of grouped bars (groups = handlers, one bar per runtime): cold start in
 * ms, warm round trip through the emulator in us with a p99 whisker, and the same without the emulator; linear
 * axes with labelled ticks, every bar labelled with its value, the goals' verdicts underneath.
 */
final class SvgChart {
    private static final int WIDTH = 1420;
    private static final int HEIGHT = 600;
    private static final int PLOT_TOP = 135;
    private static final int PLOT_BOTTOM = 440;
    private static final int PANEL_WIDTH = 380;
    private static final int[] PANEL_LEFT = {80, 550, 1020};
    /** One colour per runtime kind, by its ordinal. */
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    private SvgChart() {
    }

    static String render(Results.Report report) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"white\"/>\n");
        Results.Environment env = report.environment();
        StringBuilder title = new StringBuilder();
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (report.options().runs(kind)) {
                title.append(title.isEmpty() ? "" : " vs ").append(kind.label);
            }
        }
        Svg.text(svg, WIDTH / 2.0, 24, "middle", 16, "bold", title + ", on the local emulator");
        Svg.text(svg, WIDTH / 2.0, 44, "middle", 11, "normal", env.date() + " - " + env.uname() + ", nproc "
                + env.nproc() + " - " + env.jvm() + (report.options().quick() ? " - QUICK SMOKE RUN" : ""));
        legend(svg, report);

        List<Results.Row> rows = report.rows();
        double coldMax = max(rows, row -> row.cold().firstResponseMs().median());
        panel(svg, PANEL_LEFT[0], "Cold start: process start to first response", "median of "
                + report.options().coldStarts() + " new processes, milliseconds", "ms", rows, niceMax(coldMax * 1.1),
                row -> row.cold().firstResponseMs().median(), null);
        double warmMedianMax = max(rows, row -> row.warm().roundTripUs().median());
        double warmP99Max = max(rows, row -> row.warm().roundTripUs().p99());
        double warmAxis = niceMax(Math.max(warmMedianMax * 1.15, Math.min(warmP99Max * 1.05, warmMedianMax * 3)));
        panel(svg, PANEL_LEFT[1], "Warm round trip via Emulator.invoke", "bar: median, whisker: p99, microseconds",
                "us", rows, warmAxis, row -> row.warm().roundTripUs().median(), row -> row.warm().roundTripUs().p99());
        List<Results.Row> direct = rows.stream().filter(row -> report.direct(row.kind(), row.handler()) != null)
                .toList();
        if (!direct.isEmpty()) {
            ToDoubleFunction<Results.Row> median = row -> report.direct(row.kind(), row.handler()).roundTripUs()
                    .median();
            ToDoubleFunction<Results.Row> p99 = row -> report.direct(row.kind(), row.handler()).roundTripUs().p99();
            double directMedianMax = max(direct, median);
            double directAxis = niceMax(Math.max(directMedianMax * 1.15, Math.min(max(direct, p99) * 1.05,
                    directMedianMax * 3)));
            panel(svg, PANEL_LEFT[2], "Warm round trip without the emulator", "against a minimal blocking-socket "
                    + "server; bar: median, whisker: p99, us", "us", direct, directAxis, median, p99);
        }

        int y = 530;
        StringBuilder goals = new StringBuilder();
        for (Results.Goal goal : report.goals()) {
            if (!goal.checked()) {
                continue;
            }
            String value = goal.unit().isEmpty() ? MarkdownReport.f2(goal.value())
                    : MarkdownReport.f1(goal.value()) + " " + goal.unit();
            String line = goal.name() + ": " + value + " (" + goal.comparator() + " " + target(goal) + ": "
                    + goal.verdict() + ")";
            if (goals.length() + line.length() > 210) {
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

    private static String target(Results.Goal goal) {
        double t = goal.target();
        return (t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t))
                + (goal.unit().isEmpty() ? "" : " " + goal.unit());
    }

    private static void legend(StringBuilder svg, Results.Report report) {
        double width = 0;
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (report.options().runs(kind)) {
                width += 40 + kind.label.length() * 7.5;
            }
        }
        double x = Math.max(20, (WIDTH - width) / 2);
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (!report.options().runs(kind)) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"56\" width=\"14\" height=\"14\" fill=\"%s\"/>%n",
                    x, COLORS[kind.ordinal()]));
            Svg.text(svg, x + 20, 68, "start", 12, "normal", kind.label);
            x += 40 + kind.label.length() * 7.5;
        }
    }

    /** One panel: axes, ticks, grid, grouped bars (one group per handler), value labels, optional whiskers. */
    private static void panel(StringBuilder svg, int left, String title, String subtitle, String unit,
                              List<Results.Row> rows, double axisMax, ToDoubleFunction<Results.Row> value,
                              ToDoubleFunction<Results.Row> whisker) {
        int right = left + PANEL_WIDTH;
        Svg.text(svg, left + PANEL_WIDTH / 2.0, PLOT_TOP - 34, "middle", 13, "bold", title);
        Svg.text(svg, left + PANEL_WIDTH / 2.0, PLOT_TOP - 20, "middle", 11, "normal", subtitle);
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
                + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n", left - 50, midY, left - 50, midY, Svg.escape(unit)));

        List<BenchHandler> handlers = rows.stream().map(Results.Row::handler).distinct().toList();
        double groupWidth = (double) PANEL_WIDTH / Math.max(1, handlers.size());
        for (int g = 0; g < handlers.size(); g++) {
            BenchHandler handler = handlers.get(g);
            List<Results.Row> group = rows.stream().filter(row -> row.handler() == handler).toList();
            double groupLeft = left + g * groupWidth;
            double barWidth = Math.min(60, groupWidth * 0.75 / Math.max(1, group.size()));
            Svg.text(svg, groupLeft + groupWidth / 2, PLOT_BOTTOM + (barWidth >= 40 ? 34 : 62), "middle", 12, "bold",
                    handler.label);
            double barsLeft = groupLeft + (groupWidth - barWidth * group.size()) / 2;
            for (int b = 0; b < group.size(); b++) {
                Results.Row row = group.get(b);
                double v = value.applyAsDouble(row);
                double x = barsLeft + b * barWidth;
                double top = yOf(Math.min(v, axisMax), axisMax);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s: %s %s</title></rect>%n", x + 3, top, barWidth - 6,
                        PLOT_BOTTOM - top, COLORS[row.kind().ordinal()], Svg.escape(row.label()), number(v), unit));
                double center = x + barWidth / 2;
                if (barWidth >= 40) {
                    Svg.text(svg, center, PLOT_BOTTOM + 15, "middle", 10, "normal", row.kind().id);
                } else {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" "
                            + "font-size=\"8\" transform=\"rotate(-35 %.1f %d)\">%s</text>%n", center + 3,
                            PLOT_BOTTOM + 10, center + 3, PLOT_BOTTOM + 10, Svg.escape(row.kind().id)));
                }
                double labelY = top - 4;
                if (whisker != null) {
                    double p99 = whisker.applyAsDouble(row);
                    boolean clipped = p99 > axisMax;
                    double wy = yOf(Math.min(p99, axisMax), axisMax);
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"#333\" stroke-width=\"1.5\"/>%n", center, top, center, wy));
                    if (clipped) {
                        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l-5 8 h10 z\" fill=\"#333\"/>%n",
                                center, wy));
                        Svg.text(svg, center, PLOT_TOP - 4, "middle", 8, "normal", "p99 " + number(p99));
                    } else {
                        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                                + "y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.5\"/>%n", center - 6, wy, center + 6, wy));
                        Svg.text(svg, center, wy - 4, "middle", 9, "normal", "p99 " + number(p99));
                    }
                    labelY = Math.min(labelY, top - 4);
                }
                Svg.text(svg, whisker != null ? center - 4 : center, labelY, whisker != null ? "end" : "middle", 11,
                        "bold", number(v));
            }
        }
    }

    private static double yOf(double value, double axisMax) {
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * value / axisMax;
    }

    private static double max(List<Results.Row> rows, ToDoubleFunction<Results.Row> value) {
        return rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(1);
    }

    /** The smallest 1, 2 or 5 times a power of ten, times 5, that holds the value: five even ticks. */
    static double niceMax(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double rawStep = value / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rawStep)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rawStep) {
                return m * power * 5;
            }
        }
        return 10 * power * 5;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }


}
