package example.apps.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the test action needs from a CodePipeline job event
 * ({@code {"CodePipeline.job": {"id": ..., "data": {"actionConfiguration": {"configuration": {"UserParameters": ...}}}}}}):
 * the job id and the action's UserParameters.
 */
public record PipelineJob(String id, String userParameters) {
    static final String JOB = "CodePipeline.job";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the event has no job id (then no result can be reported) */
    public static PipelineJob from(JsonNode event) {
        JsonNode job = event == null ? null : event.get(JOB);
        String id = job == null ? null : job.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("not a CodePipeline job event: no \"" + JOB + "\".id in an event with "
                    + "keys " + keysOf(event));
        }
        String userParameters = job.path("data").path("actionConfiguration").path("configuration")
                .path("UserParameters").asText("").trim();
        return new PipelineJob(id, userParameters);
    }

    /**
     * The time service's base URL: the UserParameters, either the URL itself or JSON {@code {"url": "..."}}, else
     * {@code fallback} (the function's configuration, {@code TIME_SERVICE_URL}).
     *
     * @throws IllegalArgumentException saying what is missing or wrong (reported as the job's failure)
     */
    public URI serviceUrl(String fallback) {
        String url = userParameters.startsWith("{") ? urlField() : userParameters;
        if (url.isEmpty()) {
            url = fallback == null ? "" : fallback.trim();
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("no time service URL: set the action's UserParameters to the URL (or "
                    + "{\"url\": \"...\"}), or the function's TIME_SERVICE_URL");
        }
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("the time service URL '" + url + "' is not an http(s) URL");
    }

    private String urlField() {
        try {
            return JSON.readTree(userParameters).path("url").asText("").trim();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("UserParameters look like JSON but are not (" + e.getOriginalMessage()
                    + "): " + userParameters);
        }
    }

    private static List<String> keysOf(JsonNode event) {
        List<String> keys = new ArrayList<>();
        if (event != null) {
            event.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }
}
