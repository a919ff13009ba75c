package dev.lambdabridge.api;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * A handler whose response is streamed to the caller as it is written (Lambda response streaming), the Java
 * counterpart of Node.js's {@code awslambda.streamifyResponse((event, responseStream, context) => ...)}.
 *
 * <p>The runtime sends the bytes with {@code Lambda-Runtime-Function-Response-Mode: streaming}: what the handler
 * writes leaves the process when the stream's buffer fills or when the handler calls {@link
 * ResponseStream#flush()}, so a caller (a function URL, {@code InvokeWithResponseStream}) sees the first bytes
 * long before the handler returns. Up to 200 MiB per response. An exception thrown after some bytes were sent
 * ends the stream with Lambda's error trailers; one thrown before is reported as an ordinary invocation error.
 *
 * <pre>{@code
 * public class Report implements StreamingHandler {
 *     public void handleRequest(InputStream event, ResponseStream response, Context context) throws IOException {
 *         response.setContentType("text/csv");
 *         for (int i = 0; i < 1000; i++) {
 *             response.write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
 *         }
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StreamingHandler {

    /**
     * @param event    the event's bytes (JSON)
     * @param response where the response goes; the runtime ends it when this method returns (closing it is
     *                 allowed and changes nothing)
     */
    void handleRequest(InputStream event, ResponseStream response, Context context) throws IOException;
}
