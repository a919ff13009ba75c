package dev.lambdabridge.reliability.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Runtime API on a raw socket (127.0.0.1, ephemeral port) that answers each request with the bytes a script
 * gives, for a real runtime process to meet garbage, truncated answers and dropped connections. The script sees
 * the request line and body; null from it closes the connection without an answer.
 */
final class RawRuntimeApi implements AutoCloseable {
    /** A request as received: its request line and body. */
    record Request(String line, byte[] body) {
    }

    private final ServerSocket server;
    private final Function<Request, byte[]> script;
    private final boolean keepAlive;
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** @param keepAlive false: the connection is closed after each answer (a peer that stops mid-way) */
    RawRuntimeApi(Function<Request, byte[]> script, boolean keepAlive) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.keepAlive = keepAlive;
        Thread.ofVirtual().name("raw-runtime-api").start(this::serve);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> connection(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connection(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request.line());
                byte[] answer = script.apply(request);
                if (answer == null) {
                    return;
                }
                out.write(answer);
                out.flush();
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException e) {
            // the runtime went away
        }
    }

    /** One request: head up to the empty line, then a Content-Length or chunked body. */
    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes((int) size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers: ignored
            }
        } else {
            body.write(in.readNBytes((int) length));
        }
        return new Request(line, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /** {@code HTTP/1.1 200} with an invocation's headers and this event. */
    static byte[] invocation(String requestId, String event) {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        return concat(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + requestId + "\r\n"
                + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000) + "\r\n"
                + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:f\r\n"
                + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    static byte[] accepted() {
        return "HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
