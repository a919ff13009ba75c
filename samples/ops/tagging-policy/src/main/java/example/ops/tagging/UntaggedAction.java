package example.ops.tagging;

import java.util.Locale;

/** What happens to an instance with no tags at all ({@code UNTAGGED_INSTANCE_ACTION}: terminate, the default, or stop). */
public enum UntaggedAction {
    TERMINATE("terminated"),
    STOP("stopped");

    private final String reported;

    UntaggedAction(String reported) {
        this.reported = reported;
    }

    /** The word in the report, e.g. "terminated". */
    public String reported() {
        return reported;
    }

    public static UntaggedAction parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "terminate" -> TERMINATE;
            case "stop" -> STOP;
            default -> throw new IllegalArgumentException("expected terminate or stop");
        };
    }
}
