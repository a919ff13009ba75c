package example.ops.tagging;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a rule finds the value of its tag: the rule's default, CloudTrail's record of the launcher, or a function. */
public enum RuleAction {
    /** The tag gets the rule's {@code Default}. */
    UPDATE("Update"),
    /** The tag gets the user who launched the instance (CloudTrail {@code RunInstances}), or "Undefined". */
    USER_LOOKUP("UserLookup"),
    /** The tag gets the value of the function in the rule's {@code Default}, e.g. {@code today()}. */
    FUNCTION("Function");

    private final String tableValue;

    RuleAction(String tableValue) {
        this.tableValue = tableValue;
    }

    public String tableValue() {
        return tableValue;
    }

    /** The action named in the table; an error naming the value and the accepted ones. */
    public static RuleAction fromTable(String value) {
        return Arrays.stream(values()).filter(a -> a.tableValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Action \"" + value + "\" (expected one of "
                        + Arrays.stream(values()).map(RuleAction::tableValue).collect(Collectors.joining(", ")) + ")"));
    }
}
