package dev.lambdabridge.benchmark;

import java.util.List;

/**
 * One panel of a report's chart: groups of bars on one axis. A bar belongs to a series (its colour and legend
 * entry, the same across the chart's panels), may carry a p99 whisker, and may stack a second, lighter segment
 * on top (a cold start's first invoke above its init).
 *
 * @param goal a dashed line at this value, or NaN
 * @param log  a logarithmic axis (for values two or more orders of magnitude apart)
 */
record Panel(String title, String subtitle, String unit, List<Group> groups, double goal, boolean log) {

    record Group(String label, List<Bar> bars) {
    }

    /** {@code whisker} and {@code stacked} are NaN when the bar has none. */
    record Bar(String series, double value, double whisker, double stacked) {
        static Bar of(String series, double value) {
            return new Bar(series, value, Double.NaN, Double.NaN);
        }

        static Bar withP99(String series, double median, double p99) {
            return new Bar(series, median, p99, Double.NaN);
        }

        double top() {
            return Double.isNaN(stacked) ? value : value + stacked;
        }
    }

    static Panel linear(String title, String subtitle, String unit, List<Group> groups) {
        return new Panel(title, subtitle, unit, groups, Double.NaN, false);
    }

    Panel withGoal(double line) {
        return new Panel(title, subtitle, unit, groups, line, log);
    }

    Panel logarithmic() {
        return new Panel(title, subtitle, unit, groups, goal, true);
    }
}
