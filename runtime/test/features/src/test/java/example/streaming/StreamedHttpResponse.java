package example.streaming;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Invoke API call read as a caller reads a stream: over a plain socket, so that the test sees what the JDK's
 * HTTP client hides (when each chunk arrives, the trailers). The body goes to a consumer chunk by chunk and is
 * not kept, except its first {@value #KEEP} bytes.
 */
record StreamedHttpResponse(int status, Map<String, String> headers, Map<String, String> trailers, long bodyBytes,
                            String bodyStart, long nanosToFirstByte, long nanosTotal) {
    static final int KEEP = 64 * 1024;

    static StreamedHttpResponse post(String host, int port, String path, byte[] body, Consumer<byte[]> chunks)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = fields(in);
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long total = 0;
            long firstByte = 0;
            Map<String, String> trailers = Map.of();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                while (true) {
                    int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    if (size == 0) {
                        trailers = fields(in);
                        break;
                    }
                    byte[] chunk = in.readNBytes(size);
                    if (chunk.length != size) {
                        throw new EOFException("connection closed inside a chunk");
                    }
                    if (firstByte == 0) {
                        firstByte = System.nanoTime() - start;
                    }
                    total += size;
                    if (kept.size() < KEEP) {
                        kept.write(chunk, 0, Math.min(chunk.length, KEEP - kept.size()));
                    }
                    chunks.accept(chunk);
                    line(in);
                }
            } else {
                byte[] all = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                firstByte = System.nanoTime() - start;
                total = all.length;
                kept.write(all, 0, Math.min(all.length, KEEP));
                chunks.accept(all);
            }
            return new StreamedHttpResponse(status, headers, trailers, total,
                    kept.toString(StandardCharsets.UTF_8), firstByte, System.nanoTime() - start);
        }
    }

    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return fields;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed; line so far: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
