package dev.lambdabridge.runtime.api;

import dev.lambdabridge.contract.RuntimeApiHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Runtime API, client side: one method per call the runtime makes. Each instance owns one
 * connection, so each concurrent invoke loop gets its own client ({@link #newClient()}).
 *
 * <p>Status handling follows the Runtime API contract: 202 is success; 413 on a response means Lambda already
 * recorded a payload-too-large error for the invocation ({@link ResponseTooLargeException}); 400 and 403 mean
 * this runtime has a bug or lost track of the invocation and are reported as {@link RuntimeApiException}; 500
 * means the sandbox is broken and the runtime must exit.
 */
public final class RuntimeApiClient {
    private static final String BASE = "/2018-06-01/runtime/";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json";

    private final String host;
    private final int port;
    private final HttpConnection connection;

    private RuntimeApiClient(String host, int port) {
        this.host = host;
        this.port = port;
        this.connection = new HttpConnection(host, port);
    }

    /** {@code hostAndPort} is the value of {@code AWS_LAMBDA_RUNTIME_API}, e.g. {@code 127.0.0.1:9001}. */
    public static RuntimeApiClient forAddress(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not set; it must be host:port of the Runtime API");
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API must be host:port, got \"" + hostAndPort + "\"");
        }
        String host = hostAndPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API has a non-numeric port: \"" + hostAndPort + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API has a port out of range: \"" + hostAndPort + "\"");
        }
        return new RuntimeApiClient(host, port);
    }

    /** A client for the same Runtime API on a connection of its own. */
    public RuntimeApiClient newClient() {
        return new RuntimeApiClient(host, port);
    }

    /** {@code GET /runtime/invocation/next}: blocks, with no timeout, until Lambda hands over an event. */
    public Invocation next() {
        HttpResponse response = call("GET", BASE + "invocation/next", new String[0], null, 0, 0);
        if (response.status() != 200) {
            throw unexpected("GET invocation/next", response);
        }
        String requestId = response.header(RuntimeApiHeaders.REQUEST_ID);
        if (requestId == null || requestId.isEmpty()) {
            throw new RuntimeApiException("Runtime API sent an invocation without a "
                    + RuntimeApiHeaders.REQUEST_ID + " header", response.status(), null);
        }
        return new Invocation(
                requestId,
                parseDeadline(response.header(RuntimeApiHeaders.DEADLINE_MS)),
                response.header(RuntimeApiHeaders.INVOKED_FUNCTION_ARN),
                response.header(RuntimeApiHeaders.TRACE_ID),
                response.header(RuntimeApiHeaders.CLIENT_CONTEXT),
                response.header(RuntimeApiHeaders.COGNITO_IDENTITY),
                response.body());
    }

    /** {@code POST /runtime/invocation/{id}/response} with the whole response. */
    public void respond(String requestId, byte[] body, int length) {
        String what = "POST invocation/" + requestId + "/response";
        HttpResponse response = call("POST", BASE + "invocation/" + requestId + "/response",
                new String[] {CONTENT_TYPE, JSON}, body, 0, length);
        if (response.status() == 413) {
            throw new ResponseTooLargeException(requestId, length, response.bodyText());
        }
        if (response.status() != 202) {
            throw unexpected(what, response);
        }
    }

    /**
     * Starts a streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}); the caller writes
     * the body and finishes it with {@link StreamedResponse#complete()} or {@link StreamedResponse#fail}.
     */
    public StreamedResponse respondStreaming(String requestId, String contentType) {
        String path = BASE + "invocation/" + requestId + "/response";
        try {
            HttpConnection.ChunkedBodyStream body = connection.startChunked("POST", path, new String[] {
                    RuntimeApiHeaders.RESPONSE_MODE, RuntimeApiHeaders.RESPONSE_MODE_STREAMING,
                    CONTENT_TYPE, contentType,
                    "Trailer", RuntimeApiHeaders.FUNCTION_ERROR_TYPE + ", " + RuntimeApiHeaders.FUNCTION_ERROR_BODY});
            return new StreamedResponse(this, requestId, body);
        } catch (IOException e) {
            connection.close();
            throw unreachable("POST invocation/" + requestId + "/response (streaming)", e);
        }
    }

    void finishStream(String requestId, HttpConnection.ChunkedBodyStream body, String[] trailers) {
        String what = "POST invocation/" + requestId + "/response (streaming)";
        try {
            body.finish(trailers);
            HttpResponse response = connection.readResponse();
            if (response.status() != 202 && response.status() != 200) {
                throw unexpected(what, response);
            }
        } catch (IOException e) {
            connection.close();
            throw unreachable(what, e);
        }
    }

    /** {@code POST /runtime/invocation/{id}/error}. */
    public void reportError(String requestId, ErrorPayload error) {
        postError(BASE + "invocation/" + requestId + "/error", "POST invocation/" + requestId + "/error", error);
    }

    /** {@code POST /runtime/init/error}: init failed; the caller exits after this. */
    public void reportInitError(ErrorPayload error) {
        postError(BASE + "init/error", "POST init/error", error);
    }

    /**
     * {@code GET /runtime/restore/next} (SnapStart): blocks, with no timeout, while Lambda takes the snapshot; it
     * returns once the environment is restored from it.
     */
    public void restoreNext() {
        HttpResponse response = call("GET", BASE + "restore/next", new String[0], null, 0, 0);
        if (response.status() != 200) {
            throw unexpected("GET restore/next", response);
        }
    }

    /** {@code POST /runtime/restore/error}: an after-restore hook failed; the caller exits after this. */
    public void reportRestoreError(ErrorPayload error) {
        postError(BASE + "restore/error", "POST restore/error", error);
    }

    private void postError(String path, String what, ErrorPayload error) {
        byte[] body = error.json().getBytes(StandardCharsets.UTF_8);
        HttpResponse response = call("POST", path, new String[] {
                CONTENT_TYPE, JSON,
                RuntimeApiHeaders.FUNCTION_ERROR_TYPE, error.runtimeErrorType(),
                RuntimeApiHeaders.XRAY_ERROR_CAUSE, error.xrayCauseJson()}, body, 0, body.length);
        if (response.status() != 202) {
            throw unexpected(what, response);
        }
    }

    private HttpResponse call(String method, String path, String[] headers, byte[] body, int offset, int length) {
        try {
            return connection.exchange(method, path, headers, body, offset, length);
        } catch (IOException e) {
            connection.close();
            throw unreachable(method + " " + path.substring(BASE.length()), e);
        }
    }

    private RuntimeApiException unreachable(String what, IOException e) {
        return new RuntimeApiException("Runtime API at " + host + ":" + port + " failed during " + what + ": "
                + e.getMessage(), 0, e);
    }

    private static RuntimeApiException unexpected(String what, HttpResponse response) {
        String body = response.bodyText();
        if (body.length() > 500) {
            body = body.substring(0, 500) + "...";
        }
        String meaning = switch (response.status()) {
            case 500 -> " (Lambda reports a fatal sandbox error; the runtime must exit)";
            case 400 -> " (the Runtime API rejected the request id or the request)";
            case 403 -> " (the invocation is not in a state that accepts this call)";
            default -> "";
        };
        return new RuntimeApiException(what + " answered HTTP " + response.status() + meaning + ": " + body,
                response.status(), null);
    }

    private static long parseDeadline(String value) {
        if (value == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new RuntimeApiException("Runtime API sent a non-numeric " + RuntimeApiHeaders.DEADLINE_MS
                    + ": \"" + value + "\"", 200, e);
        }
    }

    /** A response being streamed; exactly one of {@link #complete()} or {@link #fail} ends it. */
    public static final class StreamedResponse {
        private final RuntimeApiClient client;
        private final String requestId;
        private final HttpConnection.ChunkedBodyStream body;

        StreamedResponse(RuntimeApiClient client, String requestId, HttpConnection.ChunkedBodyStream body) {
            this.client = client;
            this.requestId = requestId;
            this.body = body;
        }

        public OutputStream body() {
            return body;
        }

        public void complete() {
            client.finishStream(requestId, body, new String[0]);
        }

        /** Ends the stream with Lambda's error trailers: the error type and the base64 error JSON. */
        public void fail(ErrorPayload error) {
            String encoded = java.util.Base64.getEncoder().encodeToString(error.json().getBytes(StandardCharsets.UTF_8));
            client.finishStream(requestId, body, new String[] {
                    RuntimeApiHeaders.FUNCTION_ERROR_TYPE, error.runtimeErrorType(),
                    "Lambda-Runtime-Function-Error-Body", encoded});
        }
    }
}
