package example.apps.cognito;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import example.apps.http.JsonResponses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API Gateway proxy resource ({@code ANY /hello}, {@code ANY /hello/{proxy+}}) behind a Cognito user pool
 * authorizer: greets the signed-in user by the ID token's given_name and family_name, and echoes the HTTP method and
 * the request body.
 * <pre>
 * POST /hello {"order": 7}  ->  200 {"message": "Hello, Ada Lovelace! You sent a POST request.",
 *                                    "method": "POST", "body": "{\"order\": 7}"}
 * no claims (no authorizer) ->  401 {"message": "Unauthorized: the request carries no Cognito user pool claims ..."}
 * claims without the names  ->  400 {"message": "The user's token has no family_name claim (claims present: ...) ..."}
 * </pre>
 * Every answer, errors included, carries {@code Access-Control-Allow-Origin: *}, so that a browser page on another
 * origin can read it.
 */
public class CognitoProxyHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final JsonResponses RESPONSES = new JsonResponses(Map.of("Access-Control-Allow-Origin", "*"));

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String method = request.getHttpMethod() == null ? "GET" : request.getHttpMethod();
        UserClaims user;
        try {
            user = UserClaims.from(request);
        } catch (ClaimsException e) {
            context.getLogger().log(e.status() + " for " + method + " " + request.getPath() + ": " + e.getMessage());
            return RESPONSES.message(e.status(), e.getMessage());
        }
        String body = bodyText(request);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("message", "Hello, " + user.givenName() + " " + user.familyName() + "! You sent a " + method
                + " request.");
        reply.put("method", method);
        reply.put("body", body);
        context.getLogger().log("greeted " + user.givenName() + " " + user.familyName() + " (" + method + ", "
                + (body == null ? 0 : body.length()) + " characters of body)");
        return RESPONSES.json(200, reply);
    }

    /** The body as text; API Gateway sends binary media types base64-encoded. */
    private static String bodyText(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body != null && Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }
}
