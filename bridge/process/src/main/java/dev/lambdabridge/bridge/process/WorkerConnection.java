package dev.lambdabridge.bridge.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** A worker's end of the socket, read and written in frames ({@link Frames}), buffered both ways. */
final class WorkerConnection {
    private static final int BUFFER = 64 * 1024;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    WorkerConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** The next frame's header; null when the worker closed its end between frames. */
    Frames.Header readHeader() throws IOException, ProtocolException {
        return Frames.readHeader(in);
    }

    /** The payload of {@code header}, after its length was checked. */
    byte[] readPayload(Frames.Header header) throws IOException, ProtocolException {
        return Frames.readPayload(in, header);
    }

    void copyPayload(Frames.Header header, OutputStream to) throws IOException, ProtocolException {
        Frames.copyPayload(in, header, to);
    }

    /** Writes one frame whose payload is {@code parts}, one after the other, and flushes it. */
    void write(String type, byte[]... parts) throws IOException {
        Frames.write(out, type, parts);
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Reads what is there without waiting (a few microseconds), into {@code into}: what was buffered and what the
     * socket holds.
     *
     * @return how many bytes were read, or -1 when nothing was and the worker closed its end
     */
    int readWithoutWaiting(byte[] into) throws IOException {
        int buffered = in.available() > 0 ? in.read(into) : 0;
        int read;
        synchronized (channel.blockingLock()) {
            channel.configureBlocking(false);
            try {
                read = channel.read(ByteBuffer.wrap(into, Math.max(0, buffered), into.length - Math.max(0, buffered)));
            } finally {
                channel.configureBlocking(true);
            }
        }
        int total = Math.max(0, buffered) + Math.max(0, read);
        return total == 0 && read < 0 ? -1 : total;
    }

    /** Closes the connection (which ends a blocked read or write). Idempotent. */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
