package dev.lambdabridge.runtime.json;

/**
 * Writes JSON string literals. The runtime writes its own small JSON documents (error bodies, log lines) without
 * a JSON library so that stream handlers and failed inits never load one; the escaping is the one AWS's runtime
 * client produces for these documents (Gson with HTML escaping off), so that error bodies are byte-for-byte the
 * same: quote, backslash and control characters escaped, {@code \t \n \r \b \f} by name, U+2028/U+2029 as
 * {@code \\u} escapes, everything else as is.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code value} as a quoted JSON string, or {@code null} for a null value. */
    public static StringBuilder appendString(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u2028', '\u2029' -> appendUnicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
