package dev.lambdabridge.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The response of a {@link StreamingHandler}: an {@link OutputStream} whose bytes go to the caller as they are
 * flushed. The runtime implements it; a function only calls it.
 *
 * <p>The content type and the HTTP form must be chosen before the first byte is written, because they travel in
 * the response's headers.
 */
public abstract class ResponseStream extends OutputStream {
    /** The content type of the HTTP integration form, as Lambda's function URLs read it. */
    public static final String HTTP_INTEGRATION_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";
    /** The most a streamed response may hold: Lambda's 200 MB limit (200 MiB here). */
    public static final long MAX_BYTES = dev.lambdabridge.contract.LambdaLimits.STREAM_RESPONSE_BYTES;

    protected ResponseStream() {
    }

    /**
     * Sets the response's content type ({@code application/octet-stream} unless set).
     *
     * @throws IllegalStateException after the first byte was written
     */
    public abstract void setContentType(String contentType);

    /**
     * Starts the HTTP integration form that function URLs turn into an HTTP response (Node.js's
     * {@code awslambda.HttpResponseStream.from(stream, {statusCode, headers, cookies})}): writes the JSON
     * prelude with the status code, headers and cookies, then eight NUL bytes; what is written next is the body.
     *
     * @param headers may be empty; {@code cookies} too ({@code Set-Cookie} values)
     * @throws IllegalStateException after the first byte was written
     */
    public abstract void startHttpResponse(int statusCode, Map<String, String> headers, List<String> cookies)
            throws IOException;

    /** Bytes written so far (the body only, after an HTTP prelude). */
    public abstract long bytesWritten();
}
