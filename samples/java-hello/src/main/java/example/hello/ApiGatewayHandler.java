package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * An API Gateway (REST API) proxy integration: answers 200 with a JSON body greeting the request's method and path,
 * and allows any origin (CORS).
 *
 * <pre>GET /hello  ->  200 {"message": "Hello from GET /hello"}</pre>
 */
public class ApiGatewayHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String method = request.getHttpMethod() == null ? "GET" : request.getHttpMethod();
        String path = request.getPath() == null ? "/" : request.getPath();
        context.getLogger().log(method + " " + path);
        String body = "{\"message\":" + Json.string("Hello from " + method + " " + path) + "}";
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "Content-Type", "application/json",
                        "Access-Control-Allow-Origin", "*"))
                .withBody(body);
    }
}
