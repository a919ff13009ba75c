package dev.lambdabridge.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The chart of {@code scripts/bench-concurrency}: throughput per concurrency level against the ideal (left, log
 * scale, since the ideal grows 64-fold), and time to first byte and to the last byte, streamed and buffered
 * (right).
 */
final class ConcurrencyChart {
    private static final int WIDTH = 860;
    private static final int HEIGHT = 360;
    private static final int TOP = 60;
    private static final int BOTTOM = 300;

    private ConcurrencyChart() {
    }

    static String render(ConcurrencyBenchmark.Report report) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        Svg.text(svg, WIDTH / 2.0, 22, "middle", 15, "bold", "lambda-bridge: concurrent invocations and response streaming");
        Svg.text(svg, WIDTH / 2.0, 40, "middle", 11, "normal", report.date() + ", " + report.cores() + " cores, load "
                + report.loadStart() + " / " + report.loadEnd());
        throughput(svg, report.levels(), 60, 400);
        firstByte(svg, report.firstByte(), 500, 840);
        return svg.append("</svg>\n").toString();
    }

    private static void throughput(StringBuilder svg, List<ConcurrencyBenchmark.Level> levels, double left, double right) {
        Svg.text(svg, (left + right) / 2, TOP - 4, "middle", 12, "bold", "10 ms handler: invokes/s (log scale)");
        double max = levels.stream().mapToDouble(ConcurrencyBenchmark.Level::ideal).max().orElse(1) * 1.5;
        double min = 10;
        axis(svg, left, right);
        for (double tick = 10; tick <= max; tick *= 10) {
            double y = logY(tick, min, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, y, right, y));
            Svg.text(svg, left - 4, y + 4, "end", 10, "normal", String.format(Locale.ROOT, "%.0f", tick));
        }
        double slot = (right - left) / levels.size();
        for (int i = 0; i < levels.size(); i++) {
            ConcurrencyBenchmark.Level level = levels.get(i);
            double x = left + slot * i + slot * 0.2;
            double w = slot * 0.6;
            double yIdeal = logY(level.ideal(), min, max);
            double yValue = logY(level.medianThroughput(), min, max);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>%n", x, yIdeal, w, BOTTOM - yIdeal));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#2b6cb0\"/>%n", x + 4, yValue, w - 8, BOTTOM - yValue));
            Svg.text(svg, x + w / 2, yValue - 4, "middle", 11, "bold", String.format(Locale.ROOT, "%.0f/s",
                    level.medianThroughput()));
            Svg.text(svg, x + w / 2, BOTTOM + 16, "middle", 11, "normal", "concurrency " + level.level());
            Svg.text(svg, x + w / 2, BOTTOM + 30, "middle", 10, "normal", String.format(Locale.ROOT,
                    "ideal %.0f/s", level.ideal()));
        }
        Svg.text(svg, (left + right) / 2, BOTTOM + 44, "middle", 10, "normal",
                "blue: measured (median of blocks), dashed: ideal (level / 10 ms)");
    }

    private static void firstByte(StringBuilder svg, ConcurrencyBenchmark.FirstByte fb, double left, double right) {
        Svg.text(svg, (left + right) / 2, TOP - 4, "middle", 12, "bold", "4 MB response: ms to first / last byte");
        double max = Math.max(fb.bufferedTotal().median(), fb.streamedTotal().median()) * 1.2;
        axis(svg, left, right);
        String[] labels = {"streamed", "buffered"};
        double[][] values = {{fb.streamedFirst().median(), fb.streamedTotal().median()},
                {fb.bufferedFirst().median(), fb.bufferedTotal().median()}};
        double slot = (right - left) / 2;
        for (int i = 0; i < 2; i++) {
            double x = left + slot * i + slot * 0.15;
            double w = slot * 0.35;
            for (int j = 0; j < 2; j++) {
                double h = (BOTTOM - TOP) * values[i][j] / max;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"/>%n", x + j * w, BOTTOM - h, w - 4, h, j == 0 ? "#38a169" : "#a0aec0"));
                Svg.text(svg, x + j * w + w / 2 - 2, BOTTOM - h - 4, "middle", 10, "bold",
                        String.format(Locale.ROOT, "%.1f", values[i][j]));
            }
            Svg.text(svg, x + w, BOTTOM + 16, "middle", 11, "normal", labels[i]);
        }
        Svg.text(svg, (left + right) / 2, BOTTOM + 44, "middle", 10, "normal", "green: first byte, grey: last byte (medians)");
    }

    private static void axis(StringBuilder svg, double left, double right) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                left, BOTTOM, right, BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                left, TOP, left, BOTTOM));
    }

    private static double logY(double value, double min, double max) {
        double share = (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        return BOTTOM - share * (BOTTOM - TOP);
    }
}
