package dev.lambdabridge.bridge.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the bridge, without a JSON library on the runtime's class path: a syntax check of a
 * program's stdout (RFC 8259; iterative, so deep nesting cannot overflow the stack) and a small parser for the
 * worker's own frames (READY, ERROR), which are small objects.
 */
final class Json {
    private static final int MAX_PARSE_DEPTH = 64;

    private Json() {
    }

    /** Whether {@code bytes[0, length)} is one JSON value, with optional whitespace around it. */
    static boolean isValid(byte[] bytes, int length) {
        return new Checker(bytes, length).check();
    }

    static boolean isValid(byte[] bytes) {
        return isValid(bytes, bytes.length);
    }

    /** Iterative syntax check; non-ASCII bytes inside strings are accepted (UTF-8 is checked elsewhere). */
    private static final class Checker {
        private static final byte OBJECT = 1;
        private static final byte ARRAY = 2;
        private final byte[] b;
        private final int end;
        private int i;
        private byte[] stack = new byte[32];
        private int depth;

        Checker(byte[] bytes, int length) {
            this.b = bytes;
            this.end = length;
        }

        boolean check() {
            try {
                skipWhitespace();
                while (true) {
                    if (!value()) {
                        return false;
                    }
                    // after a value: close containers, or move to the next element
                    while (true) {
                        skipWhitespace();
                        if (depth == 0) {
                            return i == end;
                        }
                        if (i >= end) {
                            return false;
                        }
                        byte c = b[i++];
                        if (c == ',') {
                            skipWhitespace();
                            if (stack[depth - 1] == OBJECT && !member()) {
                                return false;
                            }
                            break;
                        }
                        if ((c == '}' && stack[depth - 1] == OBJECT) || (c == ']' && stack[depth - 1] == ARRAY)) {
                            depth--;
                            continue;
                        }
                        return false;
                    }
                }
            } catch (ArrayIndexOutOfBoundsException truncated) {
                return false;
            }
        }

        /** Reads {@code "key" :} and the whitespace after it. */
        private boolean member() {
            if (i >= end || b[i] != '"' || !string()) {
                return false;
            }
            skipWhitespace();
            if (i >= end || b[i++] != ':') {
                return false;
            }
            skipWhitespace();
            return true;
        }

        /**
         * Reads a scalar, or opens a container (and reads up to its first value). Returns false on a syntax error.
         * An empty container is read whole.
         */
        private boolean value() {
            while (true) {
                if (i >= end) {
                    return false;
                }
                byte c = b[i];
                switch (c) {
                    case '{', '[' -> {
                        i++;
                        skipWhitespace();
                        if (i < end && b[i] == (c == '{' ? '}' : ']')) {
                            i++;
                            return true;
                        }
                        push(c == '{' ? OBJECT : ARRAY);
                        if (c == '{' && !member()) {
                            return false;
                        }
                        // loop: the first value of the container
                    }
                    case '"' -> {
                        return string();
                    }
                    case 't' -> {
                        return literal("true");
                    }
                    case 'f' -> {
                        return literal("false");
                    }
                    case 'n' -> {
                        return literal("null");
                    }
                    default -> {
                        return number();
                    }
                }
            }
        }

        private void push(byte container) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = container;
        }

        private boolean string() {
            i++; // opening quote
            while (i < end) {
                int c = b[i++] & 0xff;
                if (c == '"') {
                    return true;
                }
                if (c < 0x20) {
                    return false;
                }
                if (c == '\\') {
                    if (i >= end) {
                        return false;
                    }
                    int e = b[i++];
                    if (e == 'u') {
                        for (int k = 0; k < 4; k++) {
                            if (i >= end || Character.digit(b[i++], 16) < 0) {
                                return false;
                            }
                        }
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        return false;
                    }
                }
            }
            return false;
        }

        private boolean literal(String word) {
            for (int k = 0; k < word.length(); k++) {
                if (i >= end || b[i++] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean number() {
            if (i < end && b[i] == '-') {
                i++;
            }
            if (i >= end) {
                return false;
            }
            if (b[i] == '0') {
                i++;
            } else if (b[i] >= '1' && b[i] <= '9') {
                digits();
            } else {
                return false;
            }
            if (i < end && b[i] == '.') {
                i++;
                if (digits() == 0) {
                    return false;
                }
            }
            if (i < end && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                if (i < end && (b[i] == '+' || b[i] == '-')) {
                    i++;
                }
                if (digits() == 0) {
                    return false;
                }
            }
            return true;
        }

        private int digits() {
            int start = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            return i - start;
        }

        private void skipWhitespace() {
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }
    }

    /**
     * Parses a small JSON document: objects become {@code Map<String, Object>} (in order), arrays {@code List},
     * strings {@code String}, numbers {@code Double} or {@code Long}, {@code true}/{@code false} {@code Boolean}
     * and {@code null} null.
     *
     * @throws IllegalArgumentException when the text is not JSON or nests deeper than 64 levels
     */
    static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.i != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value(int depth) {
            if (depth > MAX_PARSE_DEPTH) {
                throw error("nested deeper than " + MAX_PARSE_DEPTH + " levels");
            }
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> object = new LinkedHashMap<>();
                    skipWhitespace();
                    if (peek('}')) {
                        i++;
                        return object;
                    }
                    while (true) {
                        skipWhitespace();
                        if (!peek('"')) {
                            throw error("expected a member name");
                        }
                        String key = string();
                        skipWhitespace();
                        expect(':');
                        skipWhitespace();
                        object.put(key, value(depth + 1));
                        skipWhitespace();
                        if (peek(',')) {
                            i++;
                        } else {
                            expect('}');
                            return object;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> array = new ArrayList<>();
                    skipWhitespace();
                    if (peek(']')) {
                        i++;
                        return array;
                    }
                    while (true) {
                        skipWhitespace();
                        array.add(value(depth + 1));
                        skipWhitespace();
                        if (peek(',')) {
                            i++;
                        } else {
                            expect(']');
                            return array;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    word("true");
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    word("false");
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    word("null");
                    return null;
                }
                default -> {
                    return number();
                }
            }
        }

        private String string() {
            i++;
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        String hex = s.substring(i, i + 4);
                        // four hex digits exactly: parseInt alone would take a sign ("-d83", found by JsonFuzzTest)
                        if (!hex.chars().allMatch(h -> h < 128 && Character.digit(h, 16) >= 0)) {
                            throw error("bad \\u escape");
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = i;
            if (peek('-')) {
                i++;
            }
            boolean integral = true;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    i++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    integral = false;
                    i++;
                } else {
                    break;
                }
            }
            String text = s.substring(start, i);
            byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (text.isEmpty() || !isValid(ascii)) {
                throw error("bad number \"" + text + "\"");
            }
            if (integral && text.length() < 19) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        }

        private void word(String word) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected character");
            }
            i += word.length();
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        void skipWhitespace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("not JSON: " + what + " at offset " + i);
        }
    }
}
