package dev.lambdabridge.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;

/** A streamed response gathered whole, for {@link Emulator#invoke} callers that want a result, not a stream. */
final class BufferingStreamSink implements StreamSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void start(String requestId, String contentType) {
    }

    @Override
    public synchronized void write(ByteBuffer chunk, Callback done) {
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        bytes.writeBytes(copy);
        done.succeeded();
    }

    @Override
    public boolean committed() {
        return false;
    }

    @Override
    public void end(InvokeResult result, String errorType) {
    }

    @Override
    public synchronized byte[] buffered() {
        return bytes.toByteArray();
    }
}
