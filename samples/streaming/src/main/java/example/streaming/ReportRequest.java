package example.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report event asks for: {@code {"rows": 100000, "flushEvery": 1000, "pauseMs": 0, "http": false}}.
 * The event is a flat object of numbers and booleans, read with a pattern so that the sample bundles no JSON
 * library; a real function would use its own.
 */
record ReportRequest(long rows, int flushEvery, long pauseMs, boolean http) {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|\\d+)");

    static ReportRequest read(InputStream event) throws IOException {
        long rows = 1000;
        int flushEvery = 1000;
        long pauseMs = 0;
        boolean http = false;
        Matcher field = FIELD.matcher(new String(event.readAllBytes(), StandardCharsets.UTF_8));
        while (field.find()) {
            String value = field.group(2);
            switch (field.group(1)) {
                case "rows" -> rows = Long.parseLong(value);
                case "flushEvery" -> flushEvery = Math.max(1, Integer.parseInt(value));
                case "pauseMs" -> pauseMs = Long.parseLong(value);
                case "http" -> http = Boolean.parseBoolean(value);
                default -> {
                    // other fields are not the report's
                }
            }
        }
        return new ReportRequest(rows, flushEvery, pauseMs, http);
    }
}
