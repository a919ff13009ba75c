package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function's proxy integration response ({@code statusCode}, {@code headers}, {@code multiValueHeaders},
 * {@code body}, {@code isBase64Encoded}) as the HTTP response API Gateway sends. A response that is not such an
 * object is what API Gateway calls a malformed Lambda proxy response: a 502.
 */
public final class ProxyResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyResponses() {
    }

    /** @throws MalformedProxyResponseException saying what is wrong with {@code payload} */
    public static HttpResponseData from(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            throw new MalformedProxyResponseException("the function's result is not JSON: " + e.getMessage());
        }
        if (response == null || !response.isObject()) {
            throw new MalformedProxyResponseException("the function's result is not a JSON object with statusCode: "
                    + new String(payload, StandardCharsets.UTF_8));
        }
        JsonNode status = response.get("statusCode");
        if (status == null || !status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new MalformedProxyResponseException("statusCode is missing or not an HTTP status: " + status);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").properties().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        response.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(value -> {
            if (headers.stream().noneMatch(e -> e.getKey().equalsIgnoreCase(h.getKey())
                    && e.getValue().equals(value.asText()))) {
                headers.add(Map.entry(h.getKey(), value.asText()));
            }
        }));
        return new HttpResponseData(status.asInt(), headers, ProxyResponseBody.of(response));
    }
}
