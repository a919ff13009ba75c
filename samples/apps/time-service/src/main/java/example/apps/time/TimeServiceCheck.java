package example.apps.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The integration test of a deployed time service, over HTTP: {@code GET /time} is UTC, {@code GET
 * /time/Europe/Dublin} is Dublin's time with Dublin's offset at that instant, and an unknown zone is a 400 whose
 * message names it. The first check that fails ends the run, with a message saying which request and what came back.
 */
public final class TimeServiceCheck {
    static final String UNKNOWN_ZONE = "Mars/Olympus_Mons";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int BODY_EXCERPT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public TimeServiceCheck(HttpClient http) {
        this.http = http;
    }

    public CheckResult run(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        try {
            checkZone(base + "/time", "UTC");
            checkZone(base + "/time/Europe/Dublin", "Europe/Dublin");
            checkUnknownZone(base + "/time/" + UNKNOWN_ZONE);
            return CheckResult.pass("3 checks passed against " + base + ": /time (UTC), /time/Europe/Dublin, "
                    + "/time/" + UNKNOWN_ZONE + " (400)");
        } catch (CheckFailed e) {
            return CheckResult.fail(e.getMessage());
        }
    }

    private void checkZone(String url, String zone) throws CheckFailed {
        HttpResponse<String> response = get(url);
        expectStatus(url, response, 200);
        JsonNode body = json(url, response);
        String time = body.path("time").asText("");
        if (!zone.equals(body.path("timeZone").asText())) {
            throw new CheckFailed("GET " + url + ": timeZone is '" + body.path("timeZone").asText() + "', expected '"
                    + zone + "': " + excerpt(response.body()));
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(time);
            if (!at.getOffset().equals(ZoneId.of(zone).getRules().getOffset(at.toInstant()))) {
                throw new CheckFailed("GET " + url + ": time " + time + " has the wrong offset for " + zone);
            }
        } catch (DateTimeParseException e) {
            throw new CheckFailed("GET " + url + ": time '" + time + "' is not an ISO-8601 date-time with offset: "
                    + excerpt(response.body()));
        }
    }

    private void checkUnknownZone(String url) throws CheckFailed {
        HttpResponse<String> response = get(url);
        expectStatus(url, response, 400);
        String message = json(url, response).path("message").asText("");
        if (!message.contains(UNKNOWN_ZONE)) {
            throw new CheckFailed("GET " + url + ": the 400's message does not name the zone " + UNKNOWN_ZONE + ": "
                    + excerpt(response.body()));
        }
    }

    private HttpResponse<String> get(String url) throws CheckFailed {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CheckFailed("GET " + url + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("GET " + url + " was interrupted");
        }
    }

    private static void expectStatus(String url, HttpResponse<String> response, int expected) throws CheckFailed {
        if (response.statusCode() != expected) {
            throw new CheckFailed("GET " + url + " answered " + response.statusCode() + " (expected " + expected
                    + "): " + excerpt(response.body()));
        }
    }

    private static JsonNode json(String url, HttpResponse<String> response) throws CheckFailed {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CheckFailed("GET " + url + ": the body is not JSON: " + excerpt(response.body()));
        }
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "...";
    }

    /** One failed check; its message is what CodePipeline shows. */
    private static final class CheckFailed extends Exception {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }
}
