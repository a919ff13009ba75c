package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * A report as the suites' smoke tests read it back: written by {@link ResultFiles}, the three files parsed (the
 * JSON as JSON, the chart as XML), each checked for what every suite's files hold.
 */
record WrittenReport(String markdown, Document svg, String svgText, JsonNode json) {
    static final String SVG = "http://www.w3.org/2000/svg";

    static WrittenReport write(Path dir, Report report) throws Exception {
        List<Path> files = ResultFiles.write(dir, report);
        String name = ResultFiles.name(report);
        assertTrue(name.matches(report.suite() + "-\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{7,}|" + report.suite()
                + "-\\d{4}-\\d{2}-\\d{2}-unknown"), "named by suite, date and commit: " + name);
        assertEquals(List.of(dir.resolve(name + ".json"), dir.resolve(name + ".md"), dir.resolve(name + ".svg")), files);
        JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
        assertEquals(report.suite(), json.get("suite").asText());
        assertEquals(report.tables().size(), json.get("tables").size(), "every table in the JSON");
        assertEquals(report.goals().size(), json.get("goals").size(), "every goal in the JSON");
        String markdown = Files.readString(files.get(1));
        assertTrue(markdown.contains("![chart](" + name + ".svg)"), "the table links its chart");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(files.get(2).toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        return new WrittenReport(markdown, svg, Files.readString(files.get(2)), json);
    }

    int rects() {
        return svg.getElementsByTagNameNS(SVG, "rect").getLength();
    }
}
