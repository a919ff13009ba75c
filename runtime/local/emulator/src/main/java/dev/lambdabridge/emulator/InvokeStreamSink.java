package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.contract.RuntimeApiHeaders;

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
 * dropped. Subclasses frame the chunks differently ({@link EventStreamSink}).
 */
class InvokeStreamSink implements StreamSink {
    static final String TRAILERS = InvokeApiHeaders.FUNCTION_ERROR + ", " + RuntimeApiHeaders.FUNCTION_ERROR_TYPE
            + ", " + RuntimeApiHeaders.FUNCTION_ERROR_BODY + ", " + InvokeApiHeaders.LOG_RESULT;

    protected final Response response;
    private final Callback callback;
    private final HttpFields.Mutable trailers = HttpFields.build();
    protected String requestId;
    protected String contentType = "application/octet-stream";
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
            commit();
            writing = true;
        }
        response.write(false, frame(bytes), Callback.from(() -> afterWrite(done, false),
                failure -> afterWrite(done, true)));
    }

    /** Status 200 and the headers, once, before the first bytes. */
    protected synchronized void commit() {
        if (committed) {
            return;
        }
        committed = true;
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(InvokeApiHeaders.REQUEST_ID, requestId);
        headers.put(InvokeApiHeaders.EXECUTED_VERSION, "$LATEST");
        commitHeaders(headers);
    }

    /** The headers of a passed-through stream; the outcome goes in trailers. */
    protected void commitHeaders(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(HttpHeader.TRAILER, TRAILERS);
        response.setTrailersSupplier(() -> trailers);
    }

    /** How one chunk of the function's bytes goes on the wire (as it is, here). */
    protected ByteBuffer frame(ByteBuffer bytes) {
        return bytes;
    }

    /** The last bytes, after the outcome is known (none here: the outcome goes in the trailers). */
    protected ByteBuffer last(InvokeResult result, String errorType) {
        if (result.functionError() != null) {
            trailers.put(InvokeApiHeaders.FUNCTION_ERROR, result.functionError());
            trailers.put(RuntimeApiHeaders.FUNCTION_ERROR_TYPE,
                    errorType == null ? LambdaErrorTypes.UNKNOWN : errorType);
            trailers.put(RuntimeApiHeaders.FUNCTION_ERROR_BODY, Base64.getEncoder().encodeToString(result.payload()));
        }
        if (result.logTail() != null) {
            trailers.put(InvokeApiHeaders.LOG_RESULT, logResult(result));
        }
        return null;
    }

    static String logResult(InvokeResult result) {
        return Base64.getEncoder().encodeToString(result.logTail().getBytes(StandardCharsets.UTF_8));
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
        ByteBuffer tail;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (writing) {
                pendingEnd = () -> end(result, errorType);
                return;
            }
            ended = true;
            tail = last(result, errorType);
        }
        response.write(true, tail, callback);
    }

    @Override
    public byte[] buffered() {
        return new byte[0];
    }
}
