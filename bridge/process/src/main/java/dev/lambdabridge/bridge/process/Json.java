package dev.lambdabridge.bridge.process;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's JSON reading: whether a program's stdout is one JSON value ({@link #isValid}), and the worker's own
 * small frames (READY, ERROR) as maps and lists ({@link #parse}, with Jackson's streaming parser, which is on the
 * runtime's class path through runtime-serialization).
 *
 * <p>The stdout check is hand-written (RFC 8259; iterative, one byte of state per nesting level) because Jackson
 * does that job worse, measured with {@code JsonCheckMeasurement} (src/test/java, which says how to run it;
 * 2026-12-03, Temurin 25, the bootstrap's {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, load 12 on 2 cores):
 * <ul>
 *   <li>memory: Jackson's parser keeps a context object per open array or object, 56 bytes of heap per nesting
 *       level, where this check keeps one byte. Stdout is up to 6 MB: 6 MB of {@code [} would take Jackson 336 MB,
 *       more than the heap of a function of 128-256 MB, so the runtime would die of the program's output. With a
 *       nesting limit Jackson would refuse deep documents that are valid JSON, which this check accepts (and
 *       {@code JsonTest} checks, at a million levels);</li>
 *   <li>time: Jackson (every value skipped, nothing decoded) took 1.6-3 times as long: a 1 MB response 9.7 ms
 *       against 6.1 ms, 6 MB 71 ms against 33 ms, a 60-byte one 0.7 us against 0.2 us;</li>
 *   <li>Jackson's byte parser also takes a NUL after the root value for the end of the input ({@code 2\0} is
 *       valid to it), which is not JSON.</li>
 * </ul>
 */
final class Json {
    /** The frames' parser: Jackson's defaults (strict RFC 8259, no comments, no single quotes, no NaN). */
    private static final JsonFactory FRAMES = new JsonFactory();
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
     * Parses a small JSON document (Jackson's streaming parser): objects become {@code Map<String, Object>} (in
     * order; of a repeated name the last value), arrays {@code List}, strings {@code String}, integers {@code Long}
     * (beyond a long's range {@code Double}), other numbers {@code Double}, {@code true}/{@code false}
     * {@code Boolean} and {@code null} null.
     *
     * @throws IllegalArgumentException when the text is not JSON or nests deeper than 64 levels; its message says
     *                                  what was wrong and at which offset
     */
    static Object parse(String text) {
        try (JsonParser parser = FRAMES.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("not JSON: unexpected end at offset " + text.length());
            }
            Object value = value(parser, first, 0);
            if (parser.nextToken() != null) {
                throw error("unexpected text after the value", parser);
            }
            return value;
        } catch (JsonProcessingException e) {
            // a limit's error (StreamConstraintsException) has no location
            String at = e.getLocation() == null ? "" : " at offset " + e.getLocation().getCharOffset();
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + at, e);
        } catch (IOException e) { // a String is read without I/O; Jackson declares it all the same
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_PARSE_DEPTH) {
            throw error("nested deeper than " + MAX_PARSE_DEPTH + " levels", parser);
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName(); // next is FIELD_NAME: Jackson checks the grammar
                    object.put(name, value(parser, parser.nextToken(), depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getDoubleValue();
                }
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw error("unexpected " + token, parser); // the parser ends the document first
        }
    }

    private static IllegalArgumentException error(String what, JsonParser parser) {
        return new IllegalArgumentException("not JSON: " + what + " at offset "
                + parser.currentTokenLocation().getCharOffset());
    }
}
