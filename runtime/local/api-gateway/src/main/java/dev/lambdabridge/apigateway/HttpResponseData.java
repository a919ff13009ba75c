package dev.lambdabridge.apigateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The HTTP response the front door sends: status, header fields in order (a name may repeat), body bytes. */
public record HttpResponseData(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** {@code {"message": ...}} as API Gateway's own errors look. */
    static HttpResponseData gatewayError(int status, String message, String errorType) {
        String body = "{\"message\": \"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new HttpResponseData(status, List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("x-amzn-ErrorType", errorType)), body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"message":"..."}} as an HTTP API's own errors look (no error type header). */
    static HttpResponseData httpApiError(int status, String message) {
        String body = "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new HttpResponseData(status, List.of(Map.entry("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
