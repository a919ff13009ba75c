package dev.lambdabridge.benchmark;

import java.util.Locale;

/** The SVG primitives both charts draw with (text, escaping), so that the two charts look and escape alike. */
final class Svg {

    private Svg() {
    }

    static void text(StringBuilder svg, double x, double y, String anchor, int size, String weight, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" "
                + "font-weight=\"%s\">%s</text>%n", x, y, anchor, size, weight, escape(content)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
