package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code serve-api --try FILE}: sends the requests of a JSON file to the front door over HTTP, as curl would, and
 * prints each answer; the run fails when a status is not the expected one. The file:
 * {@code [{"method": "GET", "path": "/time/Europe/Dublin", "headers": {...}, "body": "...", "expect": 200}]};
 * {@code "functionUrl": "CsvReport"} sends the request to that function's URL instead of the API.
 */
public final class SampleRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_BODY = 160;

    /** One request of the file and the status it must get. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sample(String method, String path, String functionUrl, Map<String, String> headers, String body,
                  int expect) {
    }

    private SampleRequests() {
    }

    static List<Sample> read(Path file) {
        try {
            return List.of(JSON.readValue(file.toFile(), Sample[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException("--try " + file + ": cannot read it as a JSON array of requests: "
                    + e.getMessage());
        }
    }

    /** Sends each request in order; returns how many got another status than expected. */
    static int run(List<Sample> samples, String base, Map<String, String> functionUrls, PrintStream out)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int failed = 0;
        for (Sample sample : samples) {
            String line = (sample.functionUrl() == null ? "" : sample.functionUrl() + " URL: ") + sample.method() + " "
                    + sample.path() + " -> ";
            String to = sample.functionUrl() == null ? base : functionUrls.get(sample.functionUrl());
            if (to == null) {
                failed++;
                out.println(line + "FAILED: no function URL of " + sample.functionUrl() + " is served (serve-api "
                        + "--function-urls PORT serves " + functionUrls.keySet() + ")");
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to + sample.path()))
                    .timeout(Duration.ofSeconds(60)).method(sample.method(), sample.body() == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sample.body()));
            if (sample.headers() != null) {
                sample.headers().forEach(request::header);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean ok = response.statusCode() == sample.expect();
                failed += ok ? 0 : 1;
                out.println(line + response.statusCode() + (ok ? " " : " (EXPECTED " + sample.expect() + ") ")
                        + shorten(response.body()));
            } catch (IOException e) {
                failed++;
                out.println(line + "FAILED: " + e);
            }
        }
        out.println(failed == 0 ? "all " + samples.size() + " requests answered as expected"
                : failed + " of " + samples.size() + " requests did not get the expected status");
        return failed;
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_BODY ? oneLine : oneLine.substring(0, SHOWN_BODY) + "...";
    }
}
