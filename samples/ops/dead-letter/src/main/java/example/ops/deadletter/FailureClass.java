package example.ops.deadletter;

import java.util.List;

/**
 * Why an asynchronous invocation failed, read from the {@code ErrorMessage} Lambda puts on its dead-letter
 * notification: the function ran out of time, its process crashed, or it cannot start (its code or handler is
 * wrong); anything else is the function's own error.
 */
public enum FailureClass {
    /** "... Task timed out after 300.00 seconds". */
    TIMEOUT("timeout"),
    /** "Process exited before completing request", "Runtime exited with error". */
    CRASH("crash"),
    /** "Cannot find module '/var/task/index'", an unknown handler or class. */
    MISCONFIGURATION("misconfiguration"),
    OTHER("other");

    private static final List<String> CRASH_MARKS = List.of("Process exited before completing request",
            "Runtime exited with error", "Runtime exited without providing a reason");
    private static final List<String> MISCONFIGURATION_MARKS = List.of("Cannot find module", "Unable to import module",
            "Runtime.HandlerNotFound", "Runtime.ImportModuleError", "ClassNotFoundException", "Class not found",
            "No public method named");

    private final String label;

    FailureClass(String label) {
        this.label = label;
    }

    /** The lower-case name used in messages and attributes, e.g. "timeout". */
    public String label() {
        return label;
    }

    public static FailureClass of(String errorMessage) {
        if (errorMessage.contains("Task timed out after")) {
            return TIMEOUT;
        }
        if (CRASH_MARKS.stream().anyMatch(errorMessage::contains)) {
            return CRASH;
        }
        if (MISCONFIGURATION_MARKS.stream().anyMatch(errorMessage::contains)) {
            return MISCONFIGURATION;
        }
        return OTHER;
    }
}
