package example.apps.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.apps.testing.CapturingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoProxyHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CognitoProxyHandler handler = new CognitoProxyHandler();
    private final CapturingContext context = new CapturingContext();

    private static APIGatewayProxyRequestEvent request(String method, String body, Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        requestContext.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath("/hello").withBody(body)
                .withRequestContext(requestContext);
    }

    private static Map<String, Object> claims(Map<String, String> claims) {
        return Map.of("claims", claims);
    }

    private JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"));
        return JSON.readTree(response.getBody());
    }

    @Test
    void greetsTheUserByTheClaimsAndEchoesMethodAndBody() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request("PUT", "{\"x\":1}",
                claims(Map.of("given_name", "Ada", "family_name", "Lovelace", "sub", "u-1"))), context);
        assertEquals(200, response.getStatusCode());
        JsonNode body = body(response);
        assertEquals("Hello, Ada Lovelace! You sent a PUT request.", body.path("message").asText());
        assertEquals("PUT", body.path("method").asText());
        assertEquals("{\"x\":1}", body.path("body").asText());
    }

    @Test
    void aBase64BodyIsEchoedAsText() throws Exception {
        APIGatewayProxyRequestEvent request = request("POST",
                Base64.getEncoder().encodeToString("caf\u00e9".getBytes(StandardCharsets.UTF_8)),
                claims(Map.of("given_name", "Grace", "family_name", "Hopper")));
        request.setIsBase64Encoded(true);
        assertEquals("caf\u00e9", body(handler.handleRequest(request, context)).path("body").asText());
    }

    @Test
    void noAuthorizerIs401() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/hello"), context);
        assertEquals(401, response.getStatusCode());
        assertTrue(body(response).path("message").asText().startsWith("Unauthorized: the request carries no Cognito"),
                response.getBody());
        APIGatewayProxyResponseEvent emptyClaims = handler.handleRequest(request("GET", null, claims(Map.of())), context);
        assertEquals(401, emptyClaims.getStatusCode());
    }

    @Test
    void claimsWithoutTheNamesAre400NamingWhatIsMissing() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(request("GET", null,
                claims(Map.of("given_name", "Ada", "email", "ada@example.com", "family_name", " "))), context);
        assertEquals(400, response.getStatusCode());
        String message = body(response).path("message").asText();
        assertTrue(message.startsWith("The user's token has no family_name claim (claims present: email, "
                + "family_name, given_name)"), message);
        assertTrue(context.lines().getFirst().startsWith("400 for GET /hello"), context.lines().toString());
    }
}
