package dev.lambdabridge.apigateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any front door sees it (a bad %-escape in the path, headers too
 * large, a malformed request line): a small JSON error with the status, as AWS's front doors answer, instead of
 * Jetty's HTML page. API Gateway writes {@code {"message": ...}}, Lambda function URLs {@code {"Message": ...}}.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final String key;

    /** @param key {@code message} (API Gateway) or {@code Message} (function URLs) */
    JsonErrorHandler(String key) {
        this.key = key;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(("{\"" + key + "\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8)),
                callback);
    }
}
