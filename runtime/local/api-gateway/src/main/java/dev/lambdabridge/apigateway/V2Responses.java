package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function's answer in payload format 2.0 (HTTP APIs, function URLs) as the HTTP response. A JSON object with
 * {@code statusCode} gives the status, {@code headers}, {@code cookies} (one {@code Set-Cookie} each), {@code body}
 * and {@code isBase64Encoded}; any other JSON (an object without statusCode, a string, a number) is the body of a 200
 * {@code application/json} answer, as AWS infers it. A result that is not JSON, a bad statusCode, a body that is
 * not a string or not the base64 it claims is malformed.
 */
final class V2Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private V2Responses() {
    }

    /** @throws MalformedProxyResponseException saying what is wrong with {@code payload} */
    static HttpResponseData from(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            throw new MalformedProxyResponseException("the function's result is not JSON: " + e.getMessage());
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            return new HttpResponseData(200, List.of(Map.entry("Content-Type", "application/json")), payload);
        }
        return fromPrelude(response, ProxyResponseBody.of(response));
    }

    /**
     * Status and headers of a structured response (also a streamed response's prelude, whose body follows it).
     *
     * @throws MalformedProxyResponseException when statusCode is not an HTTP status
     */
    static HttpResponseData fromPrelude(JsonNode response, byte[] body) {
        JsonNode status = response.path("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new MalformedProxyResponseException("statusCode is not an HTTP status: " + status);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").properties().forEach(h -> headers.add(Map.entry(h.getKey(),
                h.getValue().isValueNode() ? h.getValue().asText() : h.getValue().toString())));
        response.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        return new HttpResponseData(status.asInt(), headers, body);
    }
}
