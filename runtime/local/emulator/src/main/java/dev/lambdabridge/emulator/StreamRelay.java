package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.contract.RuntimeApiHeaders;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.Trailers;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Relays a runtime's streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}) to its sink,
 * one chunk at a time, without blocking a thread and without holding more than the chunk in flight: the next
 * chunk is read when the sink has written the last one. Counts the bytes against Lambda's 200 MB limit; at the
 * end, hands the error trailers (if any) to the function and answers the runtime.
 */
final class StreamRelay extends IteratingCallback {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final HostedFunction function;
    private final String requestId;
    private final StreamSink sink;
    private Content.Chunk current;
    private HttpFields endTrailers;
    private boolean lastSeen;
    private long total;

    StreamRelay(Request request, Response response, Callback callback, HostedFunction function, String requestId,
                StreamSink sink) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.function = function;
        this.requestId = requestId;
        this.sink = sink;
    }

    @Override
    protected Action process() {
        while (true) {
            if (current != null) {
                current.release();
                current = null;
            }
            if (lastSeen) {
                finish();
                return Action.SUCCEEDED;
            }
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::iterate);
                return Action.IDLE;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // the runtime's connection broke (it died, or was killed at a timeout): the process-exit path
                // ends the invocation
                callback.failed(chunk.getFailure());
                return Action.SUCCEEDED;
            }
            lastSeen = chunk.isLast();
            if (chunk instanceof Trailers trailers) {
                endTrailers = trailers.getTrailers();
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            total += bytes.remaining();
            if (total > LambdaLimits.STREAM_RESPONSE_BYTES) {
                chunk.release();
                RuntimeReply reply = function.streamTooLarge(requestId);
                HttpReplies.jsonAndClose(response, callback, reply.status(), reply.body());
                return Action.SUCCEEDED;
            }
            current = chunk;
            if (bytes.hasRemaining()) {
                sink.write(bytes, this);
                return Action.SCHEDULED;
            }
        }
    }

    private void finish() {
        String errorType = endTrailers == null ? null : endTrailers.get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE);
        String errorBody = endTrailers == null ? null : endTrailers.get(RuntimeApiHeaders.FUNCTION_ERROR_BODY);
        HttpReplies.runtime(response, callback, function.streamEnd(requestId, errorType, errorBody));
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        if (current != null) {
            current.release();
            current = null;
        }
        callback.failed(cause);
    }
}
