package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.emulator.StreamSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A {@code RESPONSE_STREAM} function URL's answer, passed to the HTTP client chunk by chunk as the function writes
 * it (HTTP/1.1 chunked: no Content-Length). A function that streams with the content type
 * {@value #HTTP_INTEGRATION} first writes a JSON prelude ({@code statusCode}, {@code headers}, {@code cookies}),
 * then 8 NUL bytes, then the body: the prelude becomes the status and headers and is not passed on. Any other
 * content type is the response's, with status 200. A function that fails before the status is sent gets a 502; one
 * that fails after it gets its connection cut, so the client sees an incomplete response, not a complete one.
 */
final class FunctionUrlStreamSink implements StreamSink {
    static final String HTTP_INTEGRATION = "application/vnd.awslambda.http-integration-response";
    static final int DELIMITER_BYTES = 8;
    /** A prelude is a small JSON object; past this without the delimiter, the stream is malformed. */
    static final int MAX_PRELUDE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Response response;
    private final Callback callback;
    private final Consumer<String> log;
    private final ByteArrayOutputStream prelude = new ByteArrayOutputStream();
    private String requestId;
    private String contentType;
    private boolean started;
    private boolean integration;
    private boolean headersSet;
    private boolean writing;
    private boolean ended;
    private boolean broken;
    private String malformed;
    private int status;
    private Runnable pendingEnd;

    FunctionUrlStreamSink(Response response, Callback callback, Consumer<String> log) {
        this.response = response;
        this.callback = callback;
        this.log = log;
    }

    /** What a function URL answers when the function failed before its response began: 502. */
    static HttpResponseData failed() {
        return new HttpResponseData(502, List.of(Map.entry("Content-Type", "text/plain")),
                "Internal Server Error".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void start(String id, String type) {
        requestId = id;
        started = true;
        contentType = type == null || type.isBlank() ? "application/octet-stream" : type;
        integration = contentType.toLowerCase(Locale.ROOT).startsWith(HTTP_INTEGRATION);
    }

    @Override
    public void write(ByteBuffer bytes, Callback done) {
        ByteBuffer toSend;
        synchronized (this) {
            if (broken || ended || malformed != null || !bytes.hasRemaining()) {
                done.succeeded();
                return;
            }
            if (integration && !headersSet) {
                toSend = afterPrelude(bytes);
                if (toSend == null || !toSend.hasRemaining()) {
                    done.succeeded();
                    return;
                }
            } else {
                if (!headersSet) {
                    setHeaders(new HttpResponseData(200, List.of(Map.entry("Content-Type", contentType)), null));
                }
                toSend = bytes;
            }
            writing = true;
        }
        response.write(false, toSend, Callback.from(() -> afterWrite(done, false), failure -> afterWrite(done, true)));
    }

    /** Gathers the prelude; once its delimiter is there, sets the status and headers and returns the body after it. */
    private ByteBuffer afterPrelude(ByteBuffer bytes) {
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        prelude.writeBytes(chunk);
        byte[] all = prelude.toByteArray();
        int at = delimiter(all);
        if (at < 0) {
            if (all.length > MAX_PRELUDE_BYTES) {
                malformed = "no 8-NUL delimiter after the first " + all.length + " bytes of an " + HTTP_INTEGRATION
                        + " stream";
            }
            return null;
        }
        try {
            JsonNode head = JSON.readTree(new String(all, 0, at, StandardCharsets.UTF_8));
            if (head == null || !head.isObject()) {
                throw new MalformedProxyResponseException("the prelude is not a JSON object");
            }
            setHeaders(V2Responses.fromPrelude(head.has("statusCode") ? head
                    : ((ObjectNode) head.deepCopy()).put("statusCode", 200), null));
        } catch (IOException | MalformedProxyResponseException e) {
            malformed = "the prelude cannot be read: " + e.getMessage();
            return null;
        }
        return ByteBuffer.wrap(all, at + DELIMITER_BYTES, all.length - at - DELIMITER_BYTES);
    }

    private static int delimiter(byte[] bytes) {
        int zeros = 0;
        for (int i = 0; i < bytes.length; i++) {
            zeros = bytes[i] == 0 ? zeros + 1 : 0;
            if (zeros == DELIMITER_BYTES) {
                return i - DELIMITER_BYTES + 1;
            }
        }
        return -1;
    }

    private void setHeaders(HttpResponseData head) {
        headersSet = true;
        status = head.status();
        response.setStatus(status);
        head.headers().forEach(h -> response.getHeaders().add(h.getKey(), h.getValue()));
        response.getHeaders().put("x-amzn-RequestId", requestId);
    }

    private void afterWrite(Callback done, boolean failed) {
        Runnable end;
        synchronized (this) {
            writing = false;
            broken |= failed;
            end = pendingEnd;
            pendingEnd = null;
        }
        if (end != null) {
            end.run();
        }
        done.succeeded();
    }

    @Override
    public synchronized boolean committed() {
        return started;
    }

    /** The status the client got (0 before it is known). */
    synchronized int status() {
        return status;
    }

    @Override
    public void end(InvokeResult result, String errorType) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (writing) {
                pendingEnd = () -> end(result, errorType);
                return;
            }
            ended = true;
            if (!headersSet && malformed == null && integration && result.functionError() == null) {
                malformed = "the stream ended before the prelude's 8-NUL delimiter";
            }
        }
        if (result.functionError() != null || malformed != null) {
            boolean cut = response.isCommitted();
            log.accept((result.functionError() != null ? "the function failed" + (cut ? " part-way: " : ": ")
                    + (errorType == null ? "" : errorType + ": ") + result.payloadText() : malformed)
                    + (cut ? " (connection cut)" : ""));
            if (cut) {
                callback.failed(new IOException("the function failed part-way through its streamed response"));
            } else {
                synchronized (this) {
                    status = 502;
                }
                response.reset();
                JettyFrontDoor.send(response, callback, failed());
            }
            return;
        }
        synchronized (this) {
            if (!headersSet) {
                setHeaders(new HttpResponseData(200, List.of(Map.entry("Content-Type", contentType)), null));
            }
        }
        response.write(true, null, callback);
    }

    @Override
    public byte[] buffered() {
        return new byte[0];
    }
}
