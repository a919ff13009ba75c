package dev.lambdabridge.runtime.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one blocking keep-alive socket, for the Runtime API only.
 *
 * <p>Why by hand: the Runtime API is a local, trusted, plain-HTTP peer that the runtime talks to once or twice
 * per invocation, and this class is on every cold start. {@code java.net.http.HttpClient} costs a selector
 * thread, its own executor and several hundred classes before the first request, and tens of microseconds per
 * request; see runtime/core/README.md "Why a hand-written HTTP client" for the figures measured here. What this
 * class supports is exactly what the Runtime API uses: GET and POST, Content-Length or chunked response bodies,
 * keep-alive, and a chunked request body for response streaming.
 *
 * <p>Not thread-safe: each invoke loop owns one connection.
 */
final class HttpConnection implements Closeable {
    private static final int MAX_HEADER_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    /** Far above Lambda's 6 MB payload limit; a larger declared body means the peer is not a Runtime API. */
    private static final long MAX_BODY = 256L * 1024 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /** Sends a request with an optional body (may be null) and reads the whole response. */
    HttpResponse exchange(String method, String path, String[] headers, byte[] body, int offset, int length)
            throws IOException {
        boolean reused = socket != null;
        try {
            writeRequest(method, path, headers, body, offset, length);
            return readResponse();
        } catch (EOFException | java.net.SocketException e) {
            close();
            if (!reused) {
                throw e;
            }
            // A keep-alive connection the server had already closed: retry once on a fresh one.
            writeRequest(method, path, headers, body, offset, length);
            return readResponse();
        }
    }

    /**
     * Starts a request whose body is sent with chunked transfer encoding; the caller writes the body to the
     * returned stream and closes it (optionally with trailers), then calls {@link #readResponse()}.
     */
    ChunkedBodyStream startChunked(String method, String path, String[] headers) throws IOException {
        ensureOpen();
        writeHead(method, path, headers, -1);
        return new ChunkedBodyStream(out);
    }

    private void writeRequest(String method, String path, String[] headers, byte[] body, int offset, int length)
            throws IOException {
        ensureOpen();
        writeHead(method, path, headers, body == null ? -1 : length);
        if (body != null) {
            out.write(body, offset, length);
        }
        out.flush();
    }

    private void writeHead(String method, String path, String[] headers, int contentLength) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        head.append("User-Agent: lambda-bridge\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        } else if (!"GET".equals(method)) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse readResponse() throws IOException {
        String statusLine = readLine();
        int status = parseStatus(statusLine);
        Map<String, String> headers = readHeaders();
        byte[] body = readBody(headers);
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new HttpResponse(status, headers, body);
    }

    private static int parseStatus(String statusLine) throws IOException {
        // "HTTP/1.1 202 Accepted"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("Runtime API sent a malformed HTTP status line: \"" + abbreviate(statusLine) + "\"");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("Runtime API sent a non-numeric HTTP status: \"" + abbreviate(statusLine) + "\"");
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>(16);
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                throw new IOException("Runtime API sent more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Runtime API sent a malformed header line: \"" + abbreviate(line) + "\"");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunkedBody();
        }
        String contentLength = headers.get("content-length");
        if (contentLength == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(contentLength);
        } catch (NumberFormatException e) {
            throw new IOException("Runtime API sent an invalid Content-Length: \"" + abbreviate(contentLength) + "\"");
        }
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("Runtime API sent a Content-Length out of range: " + length);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("Runtime API closed the connection after " + body.length + " of " + length
                    + " body bytes");
        }
        return body;
    }

    private byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("Runtime API sent an invalid chunk size: \"" + abbreviate(sizeLine) + "\"");
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new IOException("Runtime API sent a chunked body over " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                readHeaders(); // trailers, ignored
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new EOFException("Runtime API closed the connection inside a chunk");
            }
            body.write(chunk);
            readLine();
        }
    }

    /** Reads one CRLF-terminated ASCII line, without the terminator. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.isEmpty()
                        ? "Runtime API closed the connection"
                        : "Runtime API closed the connection in the middle of a line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() == MAX_HEADER_LINE) {
                throw new IOException("Runtime API sent a header line over " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private void ensureOpen() throws IOException {
        if (socket == null) {
            // NO_PROXY: a plain socket, not the SOCKS wrapper that asks the default ProxySelector (reading
            // conf/net.properties, parsing a URI) before connecting; the Runtime API is always a direct peer
            Socket s = new Socket(Proxy.NO_PROXY);
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port));
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket that is already broken
            }
        }
    }

    /** The body of a chunked request; {@link #finish(String[])} writes the last chunk and the trailers. */
    static final class ChunkedBodyStream extends OutputStream {
        private final OutputStream out;
        private boolean finished;

        ChunkedBodyStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (finished) {
                throw new IOException("response stream already finished");
            }
            if (len == 0) {
                return;
            }
            out.write(Integer.toHexString(len).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(b, off, len);
            out.write(CRLF);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        /** Ends the body; {@code trailers} are name/value pairs (may be empty). */
        void finish(String[] trailers) throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            StringBuilder tail = new StringBuilder("0\r\n");
            for (int i = 0; i + 1 < trailers.length; i += 2) {
                tail.append(trailers[i]).append(": ").append(trailers[i + 1]).append("\r\n");
            }
            tail.append("\r\n");
            out.write(tail.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            finish(new String[0]);
        }
    }
}
