package dev.lambdabridge.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report as its three result files, {@code <suite>-<date>-<commit>.json}, {@code .md} and {@code .svg}
 * (the date in UTC, the commit the run was made from): the JSON is the {@link Report} record as it is, the
 * markdown {@link MarkdownWriter}'s, the chart {@link SvgChart}'s. A second run of the same suite on the same
 * day and commit replaces the first.
 */
final class ResultFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** The files' common name, without extension. */
    static String name(Report report) {
        return report.suite() + "-" + report.environment().date().substring(0, 10) + "-"
                + report.environment().commit();
    }

    /** A report read back from its JSON file (to draw its table and chart again: {@code Bench render FILE}). */
    static Report read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), Report.class);
    }

    /** Writes the three files into {@code dir}; returns their paths (json, md, svg). */
    static List<Path> write(Path dir, Report report) throws IOException {
        Files.createDirectories(dir);
        String name = name(report);
        Path json = dir.resolve(name + ".json");
        JSON.writeValue(json.toFile(), report);
        Path md = Files.writeString(dir.resolve(name + ".md"), MarkdownWriter.render(report, name + ".svg"));
        Path svg = Files.writeString(dir.resolve(name + ".svg"), SvgChart.render(report));
        return List.of(json, md, svg);
    }
}
