package example.apps.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/** API Gateway proxy responses with a JSON body ({@code Content-Type: application/json}) and given extra headers. */
public final class JsonResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> headers;

    /** @param extraHeaders sent with every response, e.g. {@code Access-Control-Allow-Origin: *} */
    public JsonResponses(Map<String, String> extraHeaders) {
        Map<String, String> all = new HashMap<>(extraHeaders);
        all.put("Content-Type", "application/json");
        this.headers = Map.copyOf(all);
    }

    /** {@code body} (a record, map...) written as JSON. */
    public APIGatewayProxyResponseEvent json(int status, Object body) {
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers)
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"message": message}}, the shape API Gateway's own errors have. */
    public APIGatewayProxyResponseEvent message(int status, String message) {
        return json(status, Map.of("message", message));
    }
}
