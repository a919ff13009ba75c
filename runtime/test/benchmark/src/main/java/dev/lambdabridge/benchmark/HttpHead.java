package dev.lambdabridge.benchmark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The head of one HTTP/1.1 message read off a blocking stream, keeping only what the benchmark's two raw-socket
 * peers need: the start line, Content-Length, the Lambda request id and whether the peer closes. Bodies must be
 * Content-Length framed (the emulator and the minimal server never chunk these small messages).
 */
final class HttpHead {
    String startLine;
    int contentLength;
    String requestId;
    boolean close;
    boolean chunked;

    private final StringBuilder line = new StringBuilder(128);

    /** Reads the head; false when the peer closed before sending one (or in the middle of its first line). */
    boolean read(InputStream in) throws IOException {
        startLine = null;
        contentLength = 0;
        requestId = null;
        close = false;
        chunked = false;
        boolean first = true;
        while (true) {
            if (!readLine(in)) {
                if (first) {
                    return false;
                }
                throw new EOFException("connection closed in the middle of an HTTP head");
            }
            if (first) {
                startLine = line.toString();
                first = false;
                continue;
            }
            if (line.isEmpty()) {
                return true;
            }
            header(line.toString());
        }
    }

    /** The body that follows the head. */
    byte[] body(InputStream in) throws IOException {
        if (chunked) {
            throw new IOException("chunked bodies are not supported by this minimal peer: " + startLine);
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length != contentLength) {
            throw new EOFException("connection closed after " + body.length + " of " + contentLength + " body bytes");
        }
        return body;
    }

    /** The status code of a response head. */
    int status() {
        int space = startLine.indexOf(' ');
        return Integer.parseInt(startLine.substring(space + 1, space + 4));
    }

    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).trim();
        switch (name) {
            case "content-length" -> contentLength = Integer.parseInt(value);
            case "lambda-runtime-aws-request-id" -> requestId = value;
            case "connection" -> close = value.equalsIgnoreCase("close");
            case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            default -> { }
        }
    }

    private boolean readLine(InputStream in) throws IOException {
        line.setLength(0);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return true;
            }
            line.append((char) b);
        }
        return false;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
