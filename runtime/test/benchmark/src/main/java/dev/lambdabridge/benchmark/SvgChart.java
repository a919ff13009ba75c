package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any suite's chart, drawn by the benchmark itself: the report's panels side by side (three to a row), each of
 * grouped bars on a linear or logarithmic axis with labelled ticks, every bar labelled with its value, p99
 * whiskers, stacked segments and a dashed goal line where the panel has them; one colour per series across all
 * panels, the legend above, the goals' verdicts below.
 */
final class SvgChart {
    private static final int PANEL_WIDTH = 380;
    private static final int PANEL_STEP = 470;
    private static final int LEFT = 80;
    private static final int HEADER = 94;
    private static final int PANEL_HEIGHT = 440;
    private static final int PLOT_TOP = 60;
    private static final int PLOT_HEIGHT = 290;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private SvgChart() {
    }

    static String render(Report report) {
        Map<String, String> colors = new LinkedHashMap<>();
        for (Panel panel : report.panels()) {
            panel.groups().forEach(g -> g.bars().forEach(b -> colors.computeIfAbsent(b.series(),
                    s -> COLORS[colors.size() % COLORS.length])));
        }
        int perRow = Math.max(1, Math.min(3, report.panels().size()));
        int rows = (report.panels().size() + perRow - 1) / perRow;
        int width = Math.max(1000, LEFT + PANEL_STEP * (perRow - 1) + PANEL_WIDTH + 110);
        List<String> goalLines = goalLines(report.goals(), (width - 40) / 6);
        int legendRows = legendRows(colors.keySet(), width).size();
        int height = HEADER + 18 * legendRows + rows * PANEL_HEIGHT + 16 * goalLines.size() + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        Machine.Environment env = report.environment();
        text(svg, width / 2.0, 24, "middle", 16, "bold", report.title());
        text(svg, width / 2.0, 42, "middle", 11, "normal", env.date() + " - " + env.revision() + " - load "
                + env.loadAtStart() + " .. " + env.loadAtEnd() + (report.quick() ? " - QUICK SMOKE RUN" : ""));
        text(svg, width / 2.0, 56, "middle", 11, "normal", env.uname() + ", " + env.cpu() + ", nproc " + env.nproc()
                + " - " + env.jvm());
        int y = 66;
        for (List<String> line : legendRows(colors.keySet(), width)) {
            double x = Math.max(20, (width - lineWidth(line)) / 2);
            for (String series : line) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"14\" "
                        + "fill=\"%s\"/>%n", x, y, colors.get(series)));
                text(svg, x + 20, y + 12, "start", 12, "normal", series);
                x += entryWidth(series);
            }
            y += 18;
        }
        int top = HEADER + 18 * legendRows;
        for (int i = 0; i < report.panels().size(); i++) {
            panel(svg, LEFT + PANEL_STEP * (i % perRow), top + PANEL_HEIGHT * (i / perRow), report.panels().get(i),
                    colors);
        }
        y = top + rows * PANEL_HEIGHT + 6;
        for (String line : goalLines) {
            text(svg, 20, y, "start", 11, "normal", line);
            y += 16;
        }
        return svg.append("</svg>\n").toString();
    }

    private static List<String> goalLines(List<Goal> goals, int chars) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Goal goal : goals) {
            if (!goal.checked()) {
                continue;
            }
            String entry = goal.name() + ": " + goal.valueText() + " (" + goal.targetText() + ": " + goal.verdict()
                    + ")";
            if (!line.isEmpty() && line.length() + entry.length() > chars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : "   |   ").append(entry);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double entryWidth(String series) {
        return 40 + series.length() * 7;
    }

    private static double lineWidth(List<String> line) {
        return line.stream().mapToDouble(SvgChart::entryWidth).sum();
    }

    private static List<List<String>> legendRows(Iterable<String> series, int width) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (String s : series) {
            if (!row.isEmpty() && lineWidth(row) + entryWidth(s) > width - 40) {
                rows.add(row);
                row = new ArrayList<>();
            }
            row.add(s);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** The axis: where a value is drawn, from the plot's bottom (linear from 0, or log10 from the smallest tick). */
    private record Axis(boolean log, double min, double max, double bottom) {
        static Axis of(Panel panel, double bottom) {
            List<Panel.Bar> bars = panel.groups().stream().flatMap(g -> g.bars().stream()).toList();
            double tops = bars.stream().mapToDouble(Panel.Bar::top).filter(v -> !Double.isNaN(v)).max().orElse(1);
            double whiskers = bars.stream().mapToDouble(Panel.Bar::whisker).filter(v -> !Double.isNaN(v)).max()
                    .orElse(0);
            double high = Math.max(tops * 1.15, Math.min(whiskers * 1.05, tops * 3));
            if (!Double.isNaN(panel.goal())) {
                high = Math.max(high, panel.goal() * 1.1);
            }
            if (panel.log()) {
                double low = bars.stream().mapToDouble(Panel.Bar::value).filter(v -> v > 0).min().orElse(1);
                return new Axis(true, Math.pow(10, Math.floor(Math.log10(low))),
                        Math.pow(10, Math.ceil(Math.log10(Math.max(high, low * 10)))), bottom);
            }
            return new Axis(false, 0, niceMax(high), bottom);
        }

        double y(double value) {
            double share = log ? (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max)
                    - Math.log10(min)) : value / max;
            return bottom - PLOT_HEIGHT * Math.min(1, Math.max(0, share));
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                for (int i = 0; i <= 5; i++) {
                    ticks.add(max * i / 5);
                }
            }
            return ticks;
        }
    }

    private static void panel(StringBuilder svg, int left, int top, Panel panel, Map<String, String> colors) {
        int right = left + PANEL_WIDTH;
        double bottom = top + PLOT_TOP + PLOT_HEIGHT;
        Axis axis = Axis.of(panel, bottom);
        text(svg, left + PANEL_WIDTH / 2.0, top + 20, "middle", 13, "bold", panel.title());
        text(svg, left + PANEL_WIDTH / 2.0, top + 36, "middle", 11, "normal", panel.subtitle()
                + (panel.log() ? " (log scale)" : ""));
        for (double tick : axis.ticks()) {
            double y = axis.y(tick);
            line(svg, left, y, right, y, tick == axis.ticks().getFirst() ? "#000" : "#ddd", "");
            text(svg, left - 6, y + 4, "end", 11, "normal", number(tick));
        }
        line(svg, left, top + PLOT_TOP, left, bottom, "#000", "");
        double midY = top + PLOT_TOP + PLOT_HEIGHT / 2.0;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n", left - 50, midY, left - 50, midY,
                escape(panel.unit())));
        if (!Double.isNaN(panel.goal())) {
            double gy = axis.y(panel.goal());
            line(svg, left, gy, right, gy, "#d62728", " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
            text(svg, right + 4, gy + 4, "start", 10, "normal", "goal " + number(panel.goal()) + " " + panel.unit());
        }
        List<Panel.Group> groups = panel.groups();
        double groupWidth = (double) PANEL_WIDTH / Math.max(1, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Panel.Group group = groups.get(g);
            double groupLeft = left + g * groupWidth;
            double barWidth = Math.min(60, groupWidth * 0.8 / Math.max(1, group.bars().size()));
            boolean flat = group.bars().stream().allMatch(b -> shortName(b.series()).length() * 6 <= barWidth);
            int size = (int) Math.max(8, Math.min(12, groupWidth / (0.65 * Math.max(1, group.label().length()))));
            text(svg, groupLeft + groupWidth / 2, bottom + (flat ? 34 : 66), "middle", size, "bold", group.label());
            double barsLeft = groupLeft + (groupWidth - barWidth * group.bars().size()) / 2;
            for (int b = 0; b < group.bars().size(); b++) {
                bar(svg, axis, group, group.bars().get(b), barsLeft + b * barWidth, barWidth, colors, panel.unit());
            }
        }
    }

    private static void bar(StringBuilder svg, Axis axis, Panel.Group group, Panel.Bar bar, double x, double width,
                            Map<String, String> colors, String unit) {
        double center = x + width / 2;
        String color = colors.get(bar.series());
        double top = axis.y(bar.value());
        rect(svg, x + 2, top, width - 4, axis.bottom() - top, color, "", group.label() + ", " + bar.series() + ": "
                + number(bar.value()) + " " + unit);
        double labelTop = top;
        if (!Double.isNaN(bar.stacked())) {
            double stackTop = axis.y(bar.top());
            rect(svg, x + 2, stackTop, width - 4, top - stackTop, color, " fill-opacity=\"0.4\"", group.label()
                    + ", " + bar.series() + ": " + number(bar.top()) + " " + unit + " in all");
            labelTop = stackTop;
        }
        String name = shortName(bar.series());
        if (name.length() * 6 <= width) {
            text(svg, center, axis.bottom() + 15, "middle", 10, "normal", name);
        } else {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"8\" "
                    + "transform=\"rotate(-35 %.1f %.1f)\">%s</text>%n", center + 3, axis.bottom() + 10, center + 3,
                    axis.bottom() + 10, escape(name)));
        }
        if (!Double.isNaN(bar.whisker())) {
            double wy = axis.y(bar.whisker());
            double from = labelTop - 16;
            if (wy < from) {
                line(svg, center, from, center, wy, "#333", " stroke-width=\"1.5\"");
                if (axis.y(bar.whisker()) <= axis.bottom() - PLOT_HEIGHT) {
                    svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l-5 8 h10 z\" fill=\"#333\"/>%n",
                            center, wy));
                } else {
                    line(svg, center - 5, wy, center + 5, wy, "#333", " stroke-width=\"1.5\"");
                }
            }
            text(svg, center, Math.min(wy, from) - 4, "middle", 8, "normal", "p99 " + number(bar.whisker()));
        }
        text(svg, center, labelTop - 4, "middle", width >= 30 ? 11 : 9, "bold", number(bar.top()));
    }

    /** A series' name under its bar: up to its first comma or parenthesis. */
    private static String shortName(String series) {
        String name = series.replaceFirst("[,(].*", "").trim();
        return name.length() > 22 ? name.substring(0, 21) + "." : name;
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten, times 5, that holds the value: five even ticks. */
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
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color,
                             String extra) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, color, extra));
    }

    private static void rect(StringBuilder svg, double x, double y, double width, double height, String color,
                             String extra, String title) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\"%s><title>%s</title></rect>%n", x, y, Math.max(0, width), Math.max(0, height), color,
                extra, escape(title)));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String weight,
                             String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" "
                + "font-weight=\"%s\">%s</text>%n", x, y, anchor, size, weight, escape(content)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
