package dev.lambdabridge.runtime.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A peer for the HTTP fuzzer: each connection reads one request head, answers the bytes it is given, shuts its
 * output (the client sees the end of the stream right after them) and closes. One virtual thread serves
 * connections one after another.
 */
final class OneShotHttpPeer implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();

    OneShotHttpPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("one-shot-http-peer").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The bytes the next connection answers with. */
    void next(byte[] answer) {
        answers.add(answer);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                byte[] answer = answers.take();
                InputStream in = socket.getInputStream();
                skipRequestHead(in);
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                in.skip(Long.MAX_VALUE); // until the client closes: no reset while it still reads
            } catch (IOException | InterruptedException e) {
                // the client closed first, or the peer is closing
            }
        }
    }

    /** Reads up to the empty line that ends a request head (requests here have no body). */
    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
