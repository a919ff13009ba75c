package dev.lambdabridge.runtime.loop;

import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import dev.lambdabridge.runtime.json.JsonText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@link ResponseStream} of one streamed invocation. The request to the Runtime API starts at the first byte
 * (or flush, or the end), so the content type can still be set until then. Writes are gathered into chunks of
 * up to {@value #CHUNK} bytes; {@link #flush()} sends what is gathered at once. Past {@link #MAX_BYTES} a write
 * fails, and the invocation ends with {@code Function.ResponseSizeTooLarge} even if the handler catches that.
 */
final class StreamingResponse extends ResponseStream {
    static final int CHUNK = 32 * 1024;
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final RuntimeApiClient client;
    private final String requestId;
    private final byte[] chunk = new byte[CHUNK];
    private int gathered;
    private long total;
    private long bodyStart;
    private boolean overLimit;
    private String contentType = DEFAULT_CONTENT_TYPE;
    private RuntimeApiClient.StreamedResponse stream;

    StreamingResponse(RuntimeApiClient client, String requestId) {
        this.client = client;
        this.requestId = requestId;
    }

    @Override
    public void setContentType(String type) {
        checkNotStarted("setContentType");
        if (type == null || type.isBlank() || type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a content type: \"" + type + "\"");
        }
        contentType = type;
    }

    @Override
    public void startHttpResponse(int statusCode, Map<String, String> headers, List<String> cookies)
            throws IOException {
        checkNotStarted("startHttpResponse");
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("HTTP status code must be 100-599, got " + statusCode);
        }
        contentType = HTTP_INTEGRATION_CONTENT_TYPE;
        StringBuilder prelude = new StringBuilder(128).append("{\"statusCode\":").append(statusCode);
        prelude.append(",\"headers\":{");
        String separator = "";
        for (Map.Entry<String, String> header : headers.entrySet()) {
            JsonText.appendString(prelude.append(separator), header.getKey()).append(':');
            JsonText.appendString(prelude, header.getValue());
            separator = ",";
        }
        prelude.append("},\"cookies\":[");
        separator = "";
        for (String cookie : cookies) {
            JsonText.appendString(prelude.append(separator), cookie);
            separator = ",";
        }
        write(prelude.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        write(new byte[8]);
        bodyStart = total;
    }

    private void checkNotStarted(String what) {
        if (total > 0 || stream != null) {
            throw new IllegalStateException(what + " must come before the first byte of the response");
        }
    }

    @Override
    public long bytesWritten() {
        return total - bodyStart;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (overLimit || total + len > MAX_BYTES) {
            overLimit = true;
            throw new IOException(tooLargeMessage());
        }
        total += len;
        while (len > 0) {
            if (gathered == 0 && len >= CHUNK) {
                send(b, off, len); // a large write goes out as one chunk, without a copy
                return;
            }
            int n = Math.min(len, CHUNK - gathered);
            System.arraycopy(b, off, chunk, gathered, n);
            gathered += n;
            off += n;
            len -= n;
            if (gathered == CHUNK) {
                send(chunk, 0, CHUNK);
                gathered = 0;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (gathered > 0) {
            send(chunk, 0, gathered);
            gathered = 0;
        }
        stream().body().flush();
    }

    @Override
    public void close() {
        // the loop ends the stream when the handler returns
    }

    private void send(byte[] b, int off, int len) throws IOException {
        stream().body().write(b, off, len);
    }

    private RuntimeApiClient.StreamedResponse stream() {
        if (stream == null) {
            stream = client.respondStreaming(requestId, contentType);
        }
        return stream;
    }

    /** Whether any byte reached the Runtime API (after that, errors can only travel as trailers). */
    boolean started() {
        return stream != null;
    }

    /** The handler returned: sends what is left and ends the stream (with the size error if it went over). */
    void complete() throws IOException {
        if (overLimit) {
            fail(tooLarge());
            return;
        }
        flush();
        stream.complete();
    }

    /** Ends the stream with Lambda's error trailers. */
    void fail(ErrorPayload error) throws IOException {
        if (gathered > 0) {
            send(chunk, 0, gathered);
            gathered = 0;
        }
        stream().fail(error);
    }

    boolean overLimit() {
        return overLimit;
    }

    static ErrorPayload tooLarge() {
        StringBuilder json = new StringBuilder("{\"errorMessage\":");
        JsonText.appendString(json, tooLargeMessage());
        json.append(",\"errorType\":\"").append(LambdaErrorTypes.RESPONSE_TOO_LARGE).append("\"}");
        return new ErrorPayload(LambdaErrorTypes.RESPONSE_TOO_LARGE, json.toString(), null);
    }

    private static String tooLargeMessage() {
        return "Response payload size exceeded maximum allowed payload size (" + MAX_BYTES + " bytes).";
    }
}
