package example.apps.cognito;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The user's names from the claims a Cognito user pool authorizer puts in the proxy event
 * ({@code requestContext.authorizer.claims}: the ID token's claims, as strings).
 */
public record UserClaims(String givenName, String familyName) {
    static final String GIVEN_NAME = "given_name";
    static final String FAMILY_NAME = "family_name";

    /**
     * @throws ClaimsException 401 when the event carries no claims at all (no authorizer ran), 400 when the claims
     *                         lack given_name or family_name
     */
    public static UserClaims from(APIGatewayProxyRequestEvent request) {
        Map<?, ?> claims = claimsOf(request);
        if (claims == null || claims.isEmpty()) {
            throw new ClaimsException(401, "Unauthorized: the request carries no Cognito user pool claims "
                    + "(requestContext.authorizer.claims); the method needs a COGNITO_USER_POOLS authorizer and the "
                    + "caller an ID token in the Authorization header");
        }
        String given = text(claims.get(GIVEN_NAME));
        String family = text(claims.get(FAMILY_NAME));
        List<String> missing = new ArrayList<>();
        if (given == null) {
            missing.add(GIVEN_NAME);
        }
        if (family == null) {
            missing.add(FAMILY_NAME);
        }
        if (!missing.isEmpty()) {
            throw new ClaimsException(400, "The user's token has no " + String.join(" or ", missing) + " claim (claims "
                    + "present: " + String.join(", ", names(claims)) + "); make given_name and family_name required "
                    + "attributes of the user pool, readable by the app client");
        }
        return new UserClaims(given, family);
    }

    private static Map<?, ?> claimsOf(APIGatewayProxyRequestEvent request) {
        if (request.getRequestContext() == null || request.getRequestContext().getAuthorizer() == null) {
            return null;
        }
        return request.getRequestContext().getAuthorizer().get("claims") instanceof Map<?, ?> claims ? claims : null;
    }

    private static String text(Object claim) {
        String value = claim == null ? null : claim.toString().strip();
        return value == null || value.isEmpty() ? null : value;
    }

    private static TreeSet<String> names(Map<?, ?> claims) {
        TreeSet<String> names = new TreeSet<>();
        claims.keySet().forEach(key -> names.add(String.valueOf(key)));
        return names;
    }
}
