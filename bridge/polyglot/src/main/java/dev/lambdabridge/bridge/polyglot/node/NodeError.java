package dev.lambdabridge.bridge.polyglot.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a built-in's Java backing reports to the guest as Node would: an {@code Error} (or {@code TypeError},
 * {@code RangeError}) with Node's message and properties ({@code code}, {@code errno}, {@code syscall},
 * {@code path}). {@link NodeHost} turns it into the guest error.
 */
public final class NodeError extends RuntimeException {
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public NodeError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public static NodeError error(String message) {
        return new NodeError("Error", message);
    }

    public NodeError with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
