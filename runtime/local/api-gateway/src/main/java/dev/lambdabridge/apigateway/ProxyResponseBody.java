package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code body} of a function's structured HTTP answer, the same in payload formats 1.0 and 2.0: a string,
 * base64-decoded when {@code isBase64Encoded} is true; absent or null is an empty body.
 */
final class ProxyResponseBody {
    private ProxyResponseBody() {
    }

    /** @throws MalformedProxyResponseException when body is not a string, or not the base64 it claims to be */
    static byte[] of(JsonNode response) {
        JsonNode body = response.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedProxyResponseException("body must be a string, got " + body.getNodeType());
        }
        if (response.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.asText().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new MalformedProxyResponseException("isBase64Encoded is true but body is not base64: "
                        + e.getMessage());
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }
}
