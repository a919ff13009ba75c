package example.ops.support;

import java.util.Map;
import java.util.function.Function;

/**
 * A function's configuration, read from its environment variables once (in the handler's constructor), with
 * errors that name the variable and the value that was wrong. The endpoints of AWS services are not here: AWS SDK
 * v2 reads {@code AWS_ENDPOINT_URL_<SERVICE>} itself, and on AWS they are unset.
 */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment. */
    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The variable's value; an error naming it when it is unset or blank. */
    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }

    /** The variable's value, or {@code fallback} when it is unset or blank. */
    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The variable parsed by {@code parse} (or {@code fallback} when unset); an error naming it and its value. */
    public <T> T optional(String name, T fallback, Function<String, T> parse) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException("environment variable " + name + " has an invalid value \"" + value
                    + "\": " + e.getMessage(), e);
        }
    }
}
