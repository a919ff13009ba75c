package dev.lambdabridge.emulator;

/** The Invoke API's {@code X-Amz-Log-Type}: {@code Tail} returns the last 4 KB of the invocation's log. */
public enum LogType {
    NONE("None"),
    TAIL("Tail");

    private final String headerValue;

    LogType(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /** Parses a header value (case-insensitive); null or empty means None. */
    public static LogType fromHeader(String value) {
        if (value == null || value.isEmpty() || NONE.headerValue.equalsIgnoreCase(value)) {
            return NONE;
        }
        if (TAIL.headerValue.equalsIgnoreCase(value)) {
            return TAIL;
        }
        throw new IllegalArgumentException("1 validation error detected: Value '" + value
                + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]");
    }
}
