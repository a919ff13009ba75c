package dev.lambdabridge.benchmark;

import java.util.List;

/**
 * Any suite's report as markdown: the circumstances, what was run, the chart, the first table, the goals, then the
 * other tables. One writer for every suite, so that every result file reads alike.
 */
final class MarkdownWriter {
    private MarkdownWriter() {
    }

    static String render(Report report, String chartFile) {
        StringBuilder md = new StringBuilder();
        Machine.Environment env = report.environment();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("- date: ").append(env.date()).append('\n');
        md.append("- machine: `").append(env.uname()).append("`, ").append(env.cpu()).append(", nproc ")
                .append(env.nproc()).append("; load average (1/5/15 min) at start ").append(env.loadAtStart())
                .append(", at end ").append(env.loadAtEnd()).append('\n');
        md.append("- harness JVM: ").append(env.jvm()).append('\n');
        env.tools().forEach(tool -> md.append("- ").append(tool).append('\n'));
        md.append("- source: ").append(env.revision()).append('\n');
        md.append("- command: `").append(env.command()).append("`\n");
        md.append("- harness: `").append(env.harnessCommand()).append("`\n");
        report.about().forEach(line -> md.append("- ").append(line).append('\n'));
        if (report.quick()) {
            md.append("- --quick: a smoke run, not a measurement\n");
        }
        md.append('\n');
        if (chartFile != null) {
            md.append("![chart](").append(chartFile).append(")\n\n");
        }
        List<Table> tables = report.tables();
        if (!tables.isEmpty()) {
            table(md, tables.getFirst());
        }
        if (!report.goals().isEmpty()) {
            md.append("## Goals\n\n| goal | value | target | verdict | note |\n| --- | ---: | --- | --- | --- |\n");
            for (Goal goal : report.goals()) {
                md.append("| ").append(cell(goal.name())).append(" | ").append(goal.valueText()).append(" | ")
                        .append(goal.targetText()).append(" | **").append(goal.verdict()).append("** | ")
                        .append(cell(goal.note())).append(" |\n");
            }
            md.append('\n');
        }
        for (Table table : tables.subList(Math.min(1, tables.size()), tables.size())) {
            table(md, table);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table table) {
        md.append("## ").append(table.title()).append("\n\n");
        if (!table.intro().isEmpty()) {
            md.append(table.intro()).append("\n\n");
        }
        md.append('|');
        table.columns().forEach(column -> md.append(' ').append(column).append(" |"));
        md.append("\n|");
        for (int i = 0; i < table.columns().size(); i++) {
            md.append(i < table.labelColumns() ? " --- |" : " ---: |");
        }
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append('|');
            row.forEach(value -> md.append(' ').append(cell(value)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
        if (!table.note().isEmpty()) {
            md.append(table.note()).append("\n\n");
        }
    }

    /** A cell's text with its pipes escaped, so that an error message cannot break the table. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
