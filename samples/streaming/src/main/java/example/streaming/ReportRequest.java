package example.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report event asks for: {@code {"rows": 100000, "flushEvery": 1000, "pauseMs": 0, "http": false}}, or,
 * called through its function URL, the same names in the query string ({@code ?rows=20&flushEvery=5&pauseMs=500}),
 * and then the answer is in the function URL (HTTP integration) form. The event is read with patterns so that the
 * sample bundles no JSON library; a real function would use its own.
 */
record ReportRequest(long rows, int flushEvery, long pauseMs, boolean http) {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|\\d+)");
    /** A function URL event (payload 2.0) has the raw query string; its parameters are name=digits pairs here. */
    private static final Pattern RAW_QUERY = Pattern.compile("\"rawQueryString\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern QUERY_FIELD = Pattern.compile("(?:^|&)(\\w+)=(true|false|\\d+)(?=&|$)");

    static ReportRequest read(InputStream event) throws IOException {
        long rows = 1000;
        int flushEvery = 1000;
        long pauseMs = 0;
        boolean http = false;
        String text = new String(event.readAllBytes(), StandardCharsets.UTF_8);
        Matcher rawQuery = RAW_QUERY.matcher(text);
        Matcher field;
        if (rawQuery.find()) {
            http = true;
            field = QUERY_FIELD.matcher(rawQuery.group(1));
        } else {
            field = FIELD.matcher(text);
        }
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
