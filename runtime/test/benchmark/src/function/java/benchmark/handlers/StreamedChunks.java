package benchmark.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.api.StreamingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** 4 MB in 40 pieces, streamed: each piece is flushed as soon as it is made. */
public class StreamedChunks implements StreamingHandler {
    @Override
    public void handleRequest(InputStream event, ResponseStream response, Context context) throws IOException {
        response.setContentType("application/octet-stream");
        Chunks.write(response, () -> {
            try {
                response.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
