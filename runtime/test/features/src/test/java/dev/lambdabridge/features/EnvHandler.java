package dev.lambdabridge.features;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test handler: answers the value of the environment variable WRAPPED_BY as a JSON string (or null). */
public class EnvHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String value = System.getenv("WRAPPED_BY");
        output.write((value == null ? "null" : "\"" + value + "\"").getBytes(StandardCharsets.UTF_8));
    }
}
