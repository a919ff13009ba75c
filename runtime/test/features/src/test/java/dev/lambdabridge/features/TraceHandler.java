package dev.lambdabridge.features;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdabridge.api.TraceId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test handler: waits 500 ms (so that concurrent invocations overlap), then answers what it saw of its
 * invocation: {@code requestId|Context trace id|TraceId.current()|the X-Ray system property}.
 */
public class TraceHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String before = TraceId.current();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        String after = TraceId.current();
        String seen = context.getAwsRequestId() + "|" + context.getXrayTraceId() + "|"
                + (before != null && before.equals(after) ? after : "changed:" + before + "->" + after) + "|"
                + System.getProperty("com.amazonaws.xray.traceHeader");
        output.write(("\"" + seen + "\"").getBytes(StandardCharsets.UTF_8));
    }
}
