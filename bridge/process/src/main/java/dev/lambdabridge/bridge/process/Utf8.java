package dev.lambdabridge.bridge.process;

/** UTF-8 checks and byte dumps for messages. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no surrogates,
     * nothing above U+10FFFF), or -1 when all of {@code bytes[0, length)} is well-formed.
     */
    static int firstInvalid(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int needed;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                needed = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                needed = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                needed = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + needed >= length) {
                return i; // truncated sequence at the end
            }
            int codePoint = b & (0x3f >> needed);
            for (int k = 1; k <= needed; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (c & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return i;
            }
            i += needed + 1;
        }
        return -1;
    }

    /**
     * {@code bytes[offset, offset + length)} for a message: printable ASCII as is, {@code \n \r \t \\ \"} escaped,
     * other bytes as {@code \xHH}, in quotes, cut to {@code max} bytes with the total size after it.
     */
    static String escape(byte[] bytes, int offset, int length, int max) {
        int shown = Math.min(length, max);
        StringBuilder out = new StringBuilder(shown + 16).append('"');
        for (int i = offset; i < offset + shown; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        out.append('"');
        if (length > shown) {
            out.append("... (").append(length).append(" bytes)");
        }
        return out.toString();
    }

    static String escape(byte[] bytes, int max) {
        return escape(bytes, 0, bytes.length, max);
    }
}
