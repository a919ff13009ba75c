package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers to requests that Jetty refuses before a handler sees them (a malformed request line, a bad or
 * doubled Content-Length, a malformed chunked body, headers or a URI over {@link #HEAD_LIMIT_BYTES}, an unknown
 * HTTP version...) and to handlers that fail: the status Jetty chose, in the JSON shape of the port's API instead
 * of Jetty's HTML page, saying what was wrong. On the Invoke port {@code {"Type":"User","message"}} with
 * {@code x-amzn-ErrorType}, as the SDKs read Lambda's errors; on a Runtime API port
 * {@code {"errorMessage","errorType"}}. A refusal that comes before any request exists (Jetty has only the
 * status and reason) carries both shapes' fields.
 */
final class ProtocolErrors extends ErrorHandler {
    /** Jetty's limit on a request's head (request line and headers): 8 KiB. */
    static final int HEAD_LIMIT_BYTES = 8192;

    private final Connector invokeConnector;

    ProtocolErrors(Connector invokeConnector) {
        this.invokeConnector = invokeConnector;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text = describe(code, message, cause);
        String type = type(code);
        HttpFields.Mutable headers = response.getHeaders();
        headers.remove(HttpHeader.CONTENT_TYPE);
        byte[] body;
        if (request.getConnectionMetaData().getConnector() == invokeConnector) {
            headers.put(InvokeApiHeaders.ERROR_TYPE, type);
            headers.put(InvokeApiHeaders.REQUEST_ID, Ids.requestId());
            body = clientError(code) ? ErrorBodies.user(text) : ErrorBodies.service(text);
        } else {
            body = ErrorBodies.runtime(type, text);
        }
        headers.put(HttpReplies.JSON);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String text = describe(status, reason, null);
        String type = type(status);
        fields.put(HttpReplies.JSON);
        byte[] body = ("{\"Type\":\"User\",\"message\":" + quoted(text) + ",\"errorMessage\":" + quoted(text)
                + ",\"errorType\":" + quoted(type) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.wrap(body);
    }

    /** "malformed HTTP request: REASON", with the limit or the underlying cause when Jetty's reason is bare. */
    static String describe(int code, String reason, Throwable cause) {
        String what = reason == null || reason.isBlank() ? HttpStatus.getMessage(code) : reason;
        String detail = switch (code) {
            case 431 -> " (the request line and headers must fit in " + HEAD_LIMIT_BYTES + " bytes)";
            case 414 -> " (the request line must fit in " + HEAD_LIMIT_BYTES + " bytes)";
            default -> "";
        };
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Jetty's own exceptions only repeat the reason ("400: No URI"); a parser's cause says more ("long overflow")
        String because = root == null || root.getMessage() == null || root.getMessage().matches("\\d{3}: .*")
                || what.contains(root.getMessage()) ? "" : " (" + root.getMessage() + ")";
        return (clientError(code) ? "malformed HTTP request: " : "the emulator failed the request: ") + what
                + detail + because;
    }

    private static boolean clientError(int code) {
        return code < 500 || code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
    }

    /** Every method gets the JSON answer (Jetty's default writes a body only for GET, POST and HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** The errorType: the status's name, in Lambda's spelling where it has one. */
    static String type(int code) {
        return switch (code) {
            case 413 -> ErrorTypes.REQUEST_TOO_LARGE;
            case 404 -> "ResourceNotFoundException";
            default -> HttpStatus.getMessage(code).replaceAll("[^A-Za-z0-9]", "") + "Exception";
        };
    }

    private static String quoted(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text))
                + "\"";
    }
}
