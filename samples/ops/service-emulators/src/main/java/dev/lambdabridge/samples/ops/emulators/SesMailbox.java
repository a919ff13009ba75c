package dev.lambdabridge.samples.ops.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The mail aws-ses-v2-local received ({@code GET /store}): what a handler really sent through SES. */
public final class SesMailbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SesMailbox() {
    }

    /** Every e-mail sent so far, oldest first, as aws-ses-v2-local stores it (to, subject, html, text, ...). */
    public static List<JsonNode> sentMail(LocalService ses) {
        HttpRequest request = HttpRequest.newBuilder(ses.endpoint().resolve(URI.create("/store"))).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /store of " + ses.name() + ": " + response.statusCode() + " "
                        + response.body());
            }
            List<JsonNode> mail = new ArrayList<>();
            JSON.readTree(response.body()).path("emails").forEach(mail::add);
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException("GET /store of " + ses.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the SES store", e);
        }
    }
}
