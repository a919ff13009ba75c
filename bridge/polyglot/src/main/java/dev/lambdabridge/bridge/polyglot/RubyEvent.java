package dev.lambdabridge.bridge.polyglot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An event for a Ruby handler, parsed in Java and handed to the guest as a shape and its values, from which
 * bridge.rb builds the Hash that {@code JSON.parse} would have built.
 *
 * <p>Why: TruffleRuby's {@code JSON.parse} is json's pure-Ruby parser (the C extension needs native access), and in
 * Truffle's interpreter it costs 0.5-0.7 ms for a three-key event, most of a warm invocation. Building the Hash from
 * a shape costs a few Ruby operations per value. The shape is one ASCII character per token: {@code {}[]} for
 * objects and arrays, {@code k} a key, {@code s} a string, {@code i} an integer (a Long), {@code I} a larger one
 * (its decimal text), {@code f} a float (a Double), {@code t}/{@code F} true/false, {@code n} null. The values are
 * the keys, strings and numbers, in order. Anything Jackson refuses (not JSON) gets {@code null}: the guest then parses
 * the text with {@code JSON.parse}, which reports the error as the Ruby runtime would.
 */
record RubyEvent(String shape, Object[] values) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(10_000)
                    .build())
            .build();
    private static final Object[] NONE = new Object[0];

    /** The event's shape and values, or null when the payload is not one JSON value (the guest then parses it). */
    static RubyEvent parse(byte[] payload) {
        StringBuilder shape = new StringBuilder(32);
        List<Object> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            int depth = 0;
            do {
                switch (token) {
                    case START_OBJECT -> { shape.append('{'); depth++; }
                    case END_OBJECT -> { shape.append('}'); depth--; }
                    case START_ARRAY -> { shape.append('['); depth++; }
                    case END_ARRAY -> { shape.append(']'); depth--; }
                    case FIELD_NAME -> { shape.append('k'); values.add(parser.currentName()); }
                    case VALUE_STRING -> { shape.append('s'); values.add(parser.getText()); }
                    case VALUE_NUMBER_INT -> {
                        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            shape.append('I');
                            values.add(parser.getText());
                        } else {
                            shape.append('i');
                            values.add(parser.getLongValue());
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> { shape.append('f'); values.add(parser.getDoubleValue()); }
                    case VALUE_TRUE -> shape.append('t');
                    case VALUE_FALSE -> shape.append('F');
                    case VALUE_NULL -> shape.append('n');
                    default -> {
                        return null;
                    }
                }
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (depth != 0 || parser.nextToken() != null) {
                return null; // truncated, or more than one value
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new RubyEvent(shape.toString(), values.isEmpty() ? NONE : values.toArray());
    }

    /**
     * The shape with its keys: what a builder (bridge.rb's compile_builder) is made for, since a builder has the
     * keys in its code and takes only the {@link #scalars()}. Events of one kind (an S3 notification, an API
     * Gateway request of one route) have the same layout invocation after invocation.
     */
    String layout() {
        StringBuilder layout = new StringBuilder(shape.length() * 4).append(shape);
        for (int i = 0, v = 0; i < shape.length(); i++) {
            char token = shape.charAt(i);
            if (token == 'k') {
                layout.append('\u0000').append((String) values[v]);
            }
            if (HAS_VALUE.indexOf(token) >= 0) {
                v++;
            }
        }
        return layout.toString();
    }

    /** The keys, in order. */
    Object[] keys() {
        return select(true);
    }

    /** The values that are not keys (strings and numbers), in order: what a builder takes. */
    Object[] scalars() {
        return select(false);
    }

    private static final String HAS_VALUE = "ksiIf";

    private Object[] select(boolean keys) {
        List<Object> selected = new ArrayList<>(values.length);
        for (int i = 0, v = 0; i < shape.length(); i++) {
            char token = shape.charAt(i);
            if (HAS_VALUE.indexOf(token) >= 0) {
                if ((token == 'k') == keys) {
                    selected.add(values[v]);
                }
                v++;
            }
        }
        return selected.toArray();
    }
}
