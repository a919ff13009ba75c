package dev.lambdabridge.runtime.loop;

import java.io.ByteArrayOutputStream;

/** A reusable response buffer that hands its array to the client without the copy of {@code toByteArray()}. */
final class ResponseBuffer extends ByteArrayOutputStream {
    /** Buffers that grew beyond this for one large response are dropped afterwards, not kept for the process. */
    private static final int KEEP_LIMIT = 1024 * 1024;

    ResponseBuffer() {
        super(8 * 1024);
    }

    byte[] array() {
        return buf;
    }

    void recycle() {
        if (buf.length > KEEP_LIMIT) {
            buf = new byte[8 * 1024];
        }
        reset();
    }
}
