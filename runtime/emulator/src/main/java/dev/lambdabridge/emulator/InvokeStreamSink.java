package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A streamed response passed through to the Invoke API caller chunk by chunk: status 200 and the headers go with
 * the first chunk ({@code Content-Type} as the runtime sent it, no Content-Length, so HTTP/1.1 chunked), and the
 * outcome goes in trailers at the end: {@code X-Amz-Function-Error: Unhandled},
 * {@code Lambda-Runtime-Function-Error-Type} and {@code Lambda-Runtime-Function-Error-Body} (base64 of the error
 * JSON) when the function failed part-way, {@code X-Amz-Log-Result} when the tail was asked for.
 *
 * <p>A caller that goes away does not stop the function, as on Lambda: the rest of the stream is read and
 * dropped.
 */
final class InvokeStreamSink implements StreamSink {
    static final String TRAILERS = InvokeApiHeaders.FUNCTION_ERROR + ", " + RuntimeApiHeaders.FUNCTION_ERROR_TYPE
            + ", " + RuntimeApiHeaders.FUNCTION_ERROR_BODY + ", " + InvokeApiHeaders.LOG_RESULT;

    private final Response response;
    private final Callback callback;
    private String requestId;
    private final HttpFields.Mutable trailers = HttpFields.build();
    private String contentType = "application/octet-stream";
    private boolean committed;
    private boolean writing;
    private boolean ended;
    private boolean broken;
    private Runnable pendingEnd;

    InvokeStreamSink(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    @Override
    public synchronized void start(String id, String type) {
        requestId = id;
        if (type != null && !type.isBlank()) {
            contentType = type;
        }
    }

    @Override
    public void write(ByteBuffer bytes, Callback done) {
        synchronized (this) {
            if (broken || ended || !bytes.hasRemaining()) {
                done.succeeded();
                return;
            }
            if (!committed) {
                commit();
            }
            writing = true;
        }
        response.write(false, bytes, Callback.from(() -> afterWrite(done, false), failure -> afterWrite(done, true)));
    }

    private void commit() {
        committed = true;
        HttpFields.Mutable headers = response.getHeaders();
        response.setStatus(200);
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(InvokeApiHeaders.REQUEST_ID, requestId);
        headers.put(InvokeApiHeaders.EXECUTED_VERSION, "$LATEST");
        headers.put(HttpHeader.TRAILER, TRAILERS);
        response.setTrailersSupplier(() -> trailers);
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
        return committed;
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
            if (result.functionError() != null) {
                trailers.put(InvokeApiHeaders.FUNCTION_ERROR, result.functionError());
                trailers.put(RuntimeApiHeaders.FUNCTION_ERROR_TYPE, errorType == null ? ErrorTypes.UNKNOWN : errorType);
                trailers.put(RuntimeApiHeaders.FUNCTION_ERROR_BODY, Base64.getEncoder().encodeToString(result.payload()));
            }
            if (result.logTail() != null) {
                trailers.put(InvokeApiHeaders.LOG_RESULT,
                        Base64.getEncoder().encodeToString(result.logTail().getBytes(StandardCharsets.UTF_8)));
            }
        }
        response.write(true, null, callback);
    }

    @Override
    public byte[] buffered() {
        return new byte[0];
    }
}
