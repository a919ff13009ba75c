package benchmark.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The same 4 MB made the same way, as an ordinary (buffered) response: sent when the handler returns. */
public class BufferedChunks implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Chunks.write(output, () -> { });
    }
}
