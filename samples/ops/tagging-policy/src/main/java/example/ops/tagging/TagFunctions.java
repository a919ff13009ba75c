package example.ops.tagging;

import java.time.Clock;
import java.time.LocalDate;

/** The functions a {@code Function} rule can name in its {@code Default}: {@code today()}, the date (UTC, ISO). */
public final class TagFunctions {
    private final Clock clock;

    public TagFunctions(Clock clock) {
        this.clock = clock;
    }

    public String evaluate(TagRule rule) {
        String expression = rule.defaultValue().replace(" ", "");
        if (expression.equals("today()")) {
            return LocalDate.now(clock).toString();
        }
        throw new IllegalArgumentException("rule " + rule.ruleId() + ": unknown function \"" + rule.defaultValue()
                + "\" (known: today())");
    }
}
