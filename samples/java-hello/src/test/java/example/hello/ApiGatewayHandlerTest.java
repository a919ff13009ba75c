package example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.Test;

class ApiGatewayHandlerTest {
    private final ApiGatewayHandler handler = new ApiGatewayHandler();

    @Test
    void answers200WithAGreetingOfMethodAndPathAndAllowsAnyOrigin() {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withPath("/orders/42").withBody("{\"qty\":1}");

        APIGatewayProxyResponseEvent response = handler.handleRequest(request, new TestContext());

        assertEquals(200, response.getStatusCode());
        assertEquals("{\"message\":\"Hello from POST /orders/42\"}", response.getBody());
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void escapesThePathInTheJsonBody() {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/say/\"hi\"\\");

        assertEquals("{\"message\":\"Hello from GET /say/\\\"hi\\\"\\\\\"}",
                handler.handleRequest(request, new TestContext()).getBody());
    }

    @Test
    void aBareRequestIsAGetOfTheRoot() {
        assertEquals("{\"message\":\"Hello from GET /\"}",
                handler.handleRequest(new APIGatewayProxyRequestEvent(), new TestContext()).getBody());
    }
}
