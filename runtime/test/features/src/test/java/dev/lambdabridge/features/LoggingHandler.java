package dev.lambdabridge.features;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test handler: logs one line naming its request id and answers {@code "ok"}. */
public class LoggingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        context.getLogger().log("handler saw " + context.getAwsRequestId());
        output.write("\"ok\"".getBytes(StandardCharsets.UTF_8));
    }
}
