package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cognito claims of a request to a route with {@code cognito}: locally nothing verifies a token, so the claims
 * come from the request header {@value #HEADER} (a JSON object, e.g.
 * {@code {"given_name":"Ada","family_name":"Lovelace"}}), or else from a fixed local identity
 * ({@code --claims FILE}); with neither, there are none and the front door answers 401 as API Gateway does for a
 * request without a token.
 */
public final class LocalClaims {
    public static final String HEADER = "X-Local-Claims";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> fixedIdentity;

    /** @param fixedIdentity the claims of every request without the header; null for none */
    public LocalClaims(Map<String, String> fixedIdentity) {
        this.fixedIdentity = fixedIdentity;
    }

    /** @throws IllegalArgumentException when the header is not a JSON object of claims */
    public Map<String, String> of(HttpRequestData request) {
        String header = request.header(HEADER);
        return header == null ? fixedIdentity : parse(header, "header " + HEADER);
    }

    /** A JSON object of claims; values that are not strings are kept as their JSON text (Cognito sends strings). */
    public static Map<String, String> parse(String json, String source) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object of claims, e.g. "
                    + "{\"given_name\":\"Ada\",\"family_name\":\"Lovelace\"}, got: " + json);
        }
        Map<String, String> claims = new LinkedHashMap<>();
        node.properties().forEach(e -> claims.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().toString()));
        return claims;
    }
}
