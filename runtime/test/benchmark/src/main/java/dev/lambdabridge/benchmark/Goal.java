package dev.lambdabridge.benchmark;

import java.util.Locale;

/**
 * One goal of a suite, checked against one run: the one way every suite states a goal. A goal whose measurements
 * did not run (or failed) has no value and is "n/a".
 *
 * @param unit       "x" for a ratio, else the value's unit ("us", "ms", "MB")
 * @param comparator "<=", "<", ">=" or ">"
 * @param note       a cross-check, or why it could not be checked
 */
record Goal(String name, Double value, String unit, String comparator, double target, String note) {

    boolean checked() {
        return value != null && !value.isNaN();
    }

    boolean met() {
        return checked() && switch (comparator) {
            case "<" -> value < target;
            case ">" -> value > target;
            case ">=" -> value >= target;
            default -> value <= target;
        };
    }

    String verdict() {
        return !checked() ? "n/a" : met() ? "met" : "not met";
    }

    /** The value as the table and the chart print it: a ratio with two decimals and "x", else with its unit. */
    String valueText() {
        return !checked() ? "n/a" : unit.equals("x") ? String.format(Locale.ROOT, "%.2fx", value)
                : Table.f1(value) + " " + unit;
    }

    String targetText() {
        String number = target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
        return comparator + " " + number + (unit.equals("x") ? "x" : " " + unit);
    }

    /** {@code ours / theirs}, or null when either is missing (the goal is then n/a). */
    static Double ratio(Double ours, Double theirs) {
        return ours == null || theirs == null || theirs == 0 || ours.isNaN() || theirs.isNaN() ? null : ours / theirs;
    }
}
