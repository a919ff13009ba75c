package dev.lambdabridge.bridge.polyglot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SVG chart of a run: horizontal bars of the median cold start (ms, linear) and of the median warm round trip
 * (us, logarithmic: in-process and per-process differ by two orders of magnitude), one colour per language, the
 * goals as dashed lines.
 */
final class Chart {
    private static final int WIDTH = 1000;
    private static final int LABEL = 430;
    private static final int BAR = 16;
    private static final String[] COLOURS = {"#d4a017", "#b22222"};

    private final Results results;

    Chart(Results results) {
        this.results = results;
    }

    private record Bar(String label, double value, int colour) {
    }

    String svg() {
        List<String> langs = List.copyOf(results.coldMs.keySet());
        List<Bar> cold = new ArrayList<>();
        List<Bar> warm = new ArrayList<>();
        for (int i = 0; i < langs.size(); i++) {
            String lang = langs.get(i);
            for (Map.Entry<String, List<Double>> e : results.coldMs.get(lang).entrySet()) {
                cold.add(new Bar(lang + ": " + e.getKey(), Results.median(e.getValue()), i));
            }
            for (Map.Entry<String, double[]> e : results.warmUs.get(lang).entrySet()) {
                warm.add(new Bar(lang + ": " + e.getKey(), Results.percentile(e.getValue(), 50), i));
            }
            for (String config : results.inProcessUs.get(lang).keySet()) {
                warm.add(new Bar(lang + ": handle() alone, " + config, results.inProcess(lang, config, 0), i));
            }
        }
        int coldHeight = 40 + cold.size() * (BAR + 6);
        int warmHeight = 40 + warm.size() * (BAR + 6);
        int height = coldHeight + warmHeight + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                + "font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, height));
        double coldMax = cold.stream().mapToDouble(Bar::value).max().orElse(1) * 1.1;
        panel(svg, 10, "Cold start, median ms (process start to first response); dashed: goals 600 ms JS, 1500 ms Ruby",
                cold, v -> v / coldMax, "%.0f ms");
        goal(svg, 10, cold.size(), 600 / coldMax, COLOURS[0]);
        goal(svg, 10, cold.size(), 1500 / coldMax, COLOURS[1]);
        double warmMax = Math.log10(warm.stream().mapToDouble(Bar::value).max().orElse(10) * 2);
        panel(svg, coldHeight + 20, "Warm invocation, median us (log scale): round trip through the emulator, "
                + "and handle() alone", warm, v -> Math.log10(Math.max(1, v)) / warmMax, "%.0f us");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private interface Scale {
        double of(double value);
    }

    private static void panel(StringBuilder svg, int top, String title, List<Bar> bars, Scale scale, String unit) {
        svg.append(f("<text x=\"10\" y=\"%d\" font-weight=\"bold\" font-size=\"12\">%s</text>%n", top + 14, esc(title)));
        int y = top + 28;
        for (Bar bar : bars) {
            int length = (int) Math.max(1, scale.of(bar.value()) * (WIDTH - LABEL - 80));
            svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 6, y + 12, esc(bar.label())));
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL, y, length, BAR,
                    COLOURS[bar.colour() % COLOURS.length]));
            svg.append(f("<text x=\"%d\" y=\"%d\">%s</text>%n", LABEL + length + 4, y + 12, f(unit, bar.value())));
            y += BAR + 6;
        }
    }

    private static void goal(StringBuilder svg, int top, int bars, double fraction, String colour) {
        int x = LABEL + (int) (fraction * (WIDTH - LABEL - 80));
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n", x,
                top + 24, x, top + 28 + bars * (BAR + 6), colour));
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
