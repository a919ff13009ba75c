package example.ops.deadletter;

import java.util.Map;
import java.util.TreeSet;

/**
 * One dead-letter notification: the failed event ({@code payload}, the SNS message or SQS body) and the attributes
 * Lambda adds, {@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}.
 *
 * @param source where it came from, for messages: e.g. "SNS message 95df01b4-..." or "SQS message 0b4c7f2e-..."
 */
public record FailureNotice(String source, String requestId, String errorCode, String errorMessage, String payload) {

    /** Reads the attributes; an error names the notification and the attribute that is missing. */
    public static FailureNotice of(String source, Map<String, String> attributes, String payload) {
        return new FailureNotice(source, attribute(source, attributes, "RequestID"),
                attribute(source, attributes, "ErrorCode"), attribute(source, attributes, "ErrorMessage"),
                payload == null ? "" : payload);
    }

    public FailureClass failureClass() {
        return FailureClass.of(errorMessage);
    }

    private static String attribute(String source, Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + " is not a Lambda dead-letter notification: it has no "
                    + name + " message attribute (attributes: " + new TreeSet<>(attributes.keySet()) + ")");
        }
        return value;
    }
}
