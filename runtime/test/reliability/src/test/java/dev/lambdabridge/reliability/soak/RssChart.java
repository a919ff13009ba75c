package dev.lambdabridge.reliability.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's RSS chart ({@code --rss-svg FILE}): each surviving runtime's RSS over the sampled time (what
 * {@link RssSampler} read every 500 ms from the baseline to the end), one line per runtime, as an SVG file, so
 * that a plateau (the JVM's heap grown to what the run's peaks need) can be told from a growth that goes on (a
 * leak). The vertical line marks the half-way point: the flat check judges the second half.
 */
final class RssChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 60;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    private RssChart() {
    }

    /** Writes the chart of {@code series} (by function name) to {@code file}, titled {@code title}. */
    static void write(Path file, String title, Map<String, RssSampler.Series> series) throws IOException {
        Files.writeString(file, svg(title, new TreeMap<>(series)));
    }

    static String svg(String title, Map<String, RssSampler.Series> series) {
        double maxSeconds = 1;
        double maxMib = 1;
        for (RssSampler.Series one : series.values()) {
            for (double[] sample : one.samples()) {
                maxSeconds = Math.max(maxSeconds, sample[0]);
                maxMib = Math.max(maxMib, sample[1] / 1024);
            }
        }
        double yTop = niceCeiling(maxMib);
        double xRight = niceCeiling(maxSeconds);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title)));
        for (int i = 0; i <= 5; i++) {
            double mib = yTop * i / 5;
            double y = TOP + plotHeight - plotHeight * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", LEFT, y, LEFT + plotWidth, y,
                    LEFT - 6, y + 4, mib));
            double seconds = xRight * i / 5;
            double x = LEFT + plotWidth * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n", x,
                    TOP + plotHeight + 18, seconds));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the "
                + "baseline</text>%n", LEFT + plotWidth / 2, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" "
                + "text-anchor=\"middle\">RSS, MiB</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, plotWidth, plotHeight));
        int index = 0;
        for (Map.Entry<String, RssSampler.Series> entry : series.entrySet()) {
            List<double[]> samples = entry.getValue().samples();
            String colour = COLOURS[index % COLOURS.length];
            double half = (samples.getFirst()[0] + samples.getLast()[0]) / 2;
            if (index == 0) {
                double x = LEFT + plotWidth * half / xRight;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#999\" stroke-dasharray=\"4 4\"/><text x=\"%.1f\" y=\"%d\" fill=\"#666\">second "
                        + "half (judged)</text>%n", x, TOP, x, TOP + plotHeight, x + 4, TOP + 14));
            }
            StringBuilder points = new StringBuilder();
            for (double[] sample : samples) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotWidth * sample[0] / xRight,
                        TOP + plotHeight - plotHeight * (sample[1] / 1024) / yTop));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                    + "points=\"%s\"/>%n", colour, points.toString().trim()));
            int legendY = TOP + 10 + index * 34;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 12, legendY,
                    WIDTH - RIGHT + 32, legendY, colour, WIDTH - RIGHT + 38, legendY + 4, escape(entry.getKey())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\" font-size=\"10\">%d -> %d, "
                    + "max %d MiB</text>%n", WIDTH - RIGHT + 38, legendY + 17,
                    Math.round(entry.getValue().startKib() / 1024.0), Math.round(entry.getValue().endKib() / 1024.0),
                    Math.round(entry.getValue().maxKib() / 1024.0)));
            index++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** A round number at least {@code value}: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
    private static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
