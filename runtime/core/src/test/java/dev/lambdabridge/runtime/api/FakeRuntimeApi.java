package dev.lambdabridge.runtime.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted Runtime API peer on a raw socket, for client tests that need answers no well-behaved server gives
 * (garbage, a connection closed mid-response). Each accepted request is recorded; each answer is the next
 * scripted bytes, or a close when the script says so.
 */
final class FakeRuntimeApi implements AutoCloseable {
    static final byte[] CLOSE = new byte[0];

    private final ServerSocket server;
    private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    FakeRuntimeApi() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::serve);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    void answer(String rawHttp) {
        answers.add(rawHttp.getBytes(StandardCharsets.UTF_8));
    }

    void answerClose() {
        answers.add(CLOSE);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        break;
                    }
                    requests.add(request);
                    byte[] answer = answers.poll(10, TimeUnit.SECONDS);
                    if (answer == null || answer == CLOSE) {
                        break;
                    }
                    out.write(answer);
                    out.flush();
                    if (answers.peek() == CLOSE) {
                        answers.poll();
                        break;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // test over or peer gone
            }
        }
    }

    /** Reads one request (head and Content-Length body) as text, or null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (b < 0) {
            return null;
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
