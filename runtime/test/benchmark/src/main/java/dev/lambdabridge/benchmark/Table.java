package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table of a report: its heading, a paragraph before and after, the column names and the rows as the cells
 * print. The first {@code labelColumns} columns are text (left-aligned), the others numbers (right-aligned).
 */
record Table(String title, String intro, List<String> columns, int labelColumns, List<List<String>> rows,
             String note) {

    Table {
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(title + ": a row of " + row.size() + " cells under "
                        + columns.size() + " columns: " + row);
            }
        }
    }

    /** A table built row by row. */
    static Builder of(String title, int labelColumns, String... columns) {
        return new Builder(title, labelColumns, List.of(columns));
    }

    static final class Builder {
        private final String title;
        private final int labelColumns;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private String intro = "";
        private String note = "";

        private Builder(String title, int labelColumns, List<String> columns) {
            this.title = title;
            this.labelColumns = labelColumns;
            this.columns = columns;
        }

        Builder intro(String text) {
            intro = text;
            return this;
        }

        Builder note(String text) {
            note = text;
            return this;
        }

        Builder row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell instanceof Double d ? f1(d) : String.valueOf(cell == null ? "" : cell));
            }
            rows.add(row);
            return this;
        }

        Table build() {
            return new Table(title, intro, columns, labelColumns, List.copyOf(rows), note);
        }
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String f0(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }
}
