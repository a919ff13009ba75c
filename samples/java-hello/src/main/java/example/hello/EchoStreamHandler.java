package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A stream handler: the response is the event's bytes, unchanged; no JSON mapping on either side. */
public class EchoStreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long bytes = input.transferTo(output);
        context.getLogger().log("echoed " + bytes + " bytes");
    }
}
