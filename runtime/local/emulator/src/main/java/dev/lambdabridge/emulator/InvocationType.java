package dev.lambdabridge.emulator;

import java.util.Locale;

/** The Invoke API's {@code X-Amz-Invocation-Type}, with the HTTP status Lambda answers for each. */
public enum InvocationType {
    REQUEST_RESPONSE("RequestResponse", 200),
    EVENT("Event", 202),
    DRY_RUN("DryRun", 204);

    private final String headerValue;
    private final int statusCode;

    InvocationType(String headerValue, int statusCode) {
        this.headerValue = headerValue;
        this.statusCode = statusCode;
    }

    public String headerValue() {
        return headerValue;
    }

    public int statusCode() {
        return statusCode;
    }

    /** Parses a header value (case-insensitive); null or empty means RequestResponse. */
    public static InvocationType fromHeader(String value) {
        if (value == null || value.isEmpty()) {
            return REQUEST_RESPONSE;
        }
        for (InvocationType type : values()) {
            if (type.headerValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("1 validation error detected: Value '" + value
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[Event, RequestResponse, DryRun]");
    }

    @Override
    public String toString() {
        return headerValue.toLowerCase(Locale.ROOT);
    }
}
