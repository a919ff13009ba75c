package example.apps.time;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** API Gateway proxy responses with a JSON body. */
final class ApiResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    static APIGatewayProxyResponseEvent json(int status, Object body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response body " + body, e);
        }
    }

    static APIGatewayProxyResponseEvent message(int status, String message) {
        return json(status, Map.of("message", message));
    }
}
