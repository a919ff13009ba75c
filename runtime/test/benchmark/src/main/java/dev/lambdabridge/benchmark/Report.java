package dev.lambdabridge.benchmark;

import java.util.List;

/**
 * One run of one suite, in the one result format every suite writes: the circumstances, what was run (a line
 * each), the tables, the goals and the chart's panels. {@link ResultFiles} writes it as
 * {@code <suite>-<date>-<commit>.json} (this record as JSON), {@code .md} ({@link MarkdownWriter}) and
 * {@code .svg} ({@link SvgChart}).
 *
 * @param suite the suite's name, as {@code Bench} takes it (runtime, bridges, concurrency, polyglot, ...)
 * @param about what was run and how, one markdown line each (JVM options, runtimes' commands, counts)
 */
record Report(String suite, String title, Machine.Environment environment, boolean quick, List<String> about,
              List<Table> tables, List<Goal> goals, List<Panel> panels) {

    /** The first table whose title starts with {@code title}, for tests and cross-references. */
    Table table(String title) {
        return tables.stream().filter(t -> t.title().startsWith(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + title + " in " + suite));
    }
}
