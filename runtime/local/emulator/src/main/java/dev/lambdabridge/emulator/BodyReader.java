package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request body without blocking (Jetty's read/demand loop), up to a limit. A larger body is read and
 * dropped up to {@link #DISCARD_CAP_BYTES}, so the keep-alive connection survives; beyond that the reader
 * gives up at once and the caller closes the connection.
 */
final class BodyReader implements Runnable {
    /**
     * The emulator's own cap: oversized bodies are read and dropped up to this size (the connection stays open),
     * closed above it.
     */
    static final long DISCARD_CAP_BYTES = 64L * 1024 * 1024;

    /** What becomes of the body. */
    interface Listener {
        void body(byte[] body);

        /** @param readToEnd false when the reader gave up mid-body: the connection must be closed */
        void tooLarge(long bytesSeen, boolean readToEnd);

        void failed(Throwable failure);
    }

    private static final byte[] EMPTY = new byte[0];

    private final Request request;
    private final int limit;
    private final Listener listener;
    private byte[] buffer;
    private int length;
    private long total;

    private BodyReader(Request request, int limit, Listener listener, byte[] buffer) {
        this.request = request;
        this.limit = limit;
        this.listener = listener;
        this.buffer = buffer;
    }

    static void read(Request request, int limit, Listener listener) {
        long declared = request.getLength();
        if (declared > DISCARD_CAP_BYTES) {
            listener.tooLarge(declared, false);
            return;
        }
        int initial = declared >= 0 && declared <= limit ? (int) declared : Math.min(limit, 16 * 1024);
        new BodyReader(request, limit, listener, initial == 0 ? EMPTY : new byte[initial]).run();
    }

    /**
     * Reads a request's body to its end and drops it, then calls {@code reply} with whether the connection can be
     * kept (false when the body passed {@link #DISCARD_CAP_BYTES} and the reader gave up). For refusals: a
     * reply written with the body unread makes Jetty close the keep-alive connection after it, without a
     * {@code Connection: close}, when the body came in its own packet, and the client's next call on it fails.
     */
    static void discard(Request request, Callback callback, Consumer<Boolean> reply) {
        read(request, 0, new Listener() {
            @Override
            public void body(byte[] body) {
                reply.accept(true);
            }

            @Override
            public void tooLarge(long bytesSeen, boolean readToEnd) {
                reply.accept(readToEnd);
            }

            @Override
            public void failed(Throwable failure) {
                callback.failed(failure);
            }
        });
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                listener.failed(unreadable(chunk.getFailure()));
                return;
            }
            take(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (total > DISCARD_CAP_BYTES) {
                listener.tooLarge(total, false);
                return;
            }
            if (last) {
                finish();
                return;
            }
        }
    }

    /**
     * Jetty reports a malformed chunk as an early end of the stream ("Early EOF"): say which body, how far it got,
     * and what may be wrong with it.
     */
    private Throwable unreadable(Throwable failure) {
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        String why = chunked ? "its chunked encoding is malformed, or the connection ended inside it"
                : "the connection ended before the " + request.getLength() + " bytes of its Content-Length";
        return new BadMessageException(400, "the request body could not be read after " + total + " bytes: " + why,
                failure);
    }

    private void take(ByteBuffer bytes) {
        int n = bytes.remaining();
        total += n;
        if (total > limit) {
            return;
        }
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(length + n, buffer.length * 2)));
        }
        bytes.get(buffer, length, n);
        length += n;
    }

    private void finish() {
        if (total > limit) {
            listener.tooLarge(total, true);
        } else {
            listener.body(length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
        }
    }
}
