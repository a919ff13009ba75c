package dev.lambdabridge.benchmark;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One Invoke API call over a plain socket, timed as a caller of a stream sees it: nanoseconds from sending the
 * request to the first body byte, and to the last. Chunked or Content-Length bodies; the body is counted, not kept.
 */
record FirstByteCall(long firstByteNanos, long totalNanos, long bytes, String trailerError) {

    static FirstByteCall post(int port, String function, byte[] event) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /2015-03-31/functions/" + function + "/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: " + event.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(event);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException(function + " answered " + status);
            }
            boolean chunked = false;
            long length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
            }
            long first = 0;
            long bytes = 0;
            String error = null;
            byte[] buffer = new byte[64 * 1024];
            if (chunked) {
                while (true) {
                    long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                    if (size == 0) {
                        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                            if (trailer.toLowerCase(Locale.ROOT).startsWith("lambda-runtime-function-error-type:")) {
                                error = trailer;
                            }
                        }
                        break;
                    }
                    first = drain(in, size, buffer, first, start);
                    bytes += size;
                    line(in);
                }
            } else {
                first = drain(in, length, buffer, first, start);
                bytes = Math.max(0, length);
            }
            return new FirstByteCall(first, System.nanoTime() - start, bytes, error);
        }
    }

    /** Reads and drops {@code count} bytes; returns the time of the first byte (the one given, once set). */
    private static long drain(InputStream in, long count, byte[] buffer, long first, long start) throws IOException {
        for (long left = count; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside the body");
            }
            if (first == 0) {
                first = System.nanoTime() - start;
            }
            left -= n;
        }
        return first;
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
