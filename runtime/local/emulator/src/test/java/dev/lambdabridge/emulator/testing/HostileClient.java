package dev.lambdabridge.emulator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A client that sends whatever bytes it is given on a fresh loopback connection, the way a broken or hostile
 * client does (all at once, a byte at a time, or only part and then a close), and reads what comes back until the
 * server closes, a whole response has arrived, or a deadline passes. Every read is bounded: nothing here waits
 * longer than the deadline it is given.
 */
public final class HostileClient {
    /** What came back: the raw bytes, whether the server closed, and whether the deadline passed first. */
    public record Answer(byte[] raw, boolean closedByServer, boolean timedOut) {
        /** The status code of the first response, or -1 when none came. */
        public int status() {
            String text = text();
            if (!text.startsWith("HTTP/1.")) {
                return -1;
            }
            int space = text.indexOf(' ');
            return Integer.parseInt(text.substring(space + 1, space + 4));
        }

        public String text() {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }

        /** The first response's body (after the empty line), as text. */
        public String body() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        /** A header of the first response, case-insensitively, or null. */
        public String header(String name) {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            for (String line : (end < 0 ? text : text.substring(0, end)).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            String text = text();
            return (text.length() > 600 ? text.substring(0, 600) + "..." : text) + (timedOut ? " [timed out]" : "")
                    + (closedByServer ? " [closed]" : "");
        }
    }

    private final int port;

    public HostileClient(int port) {
        this.port = port;
    }

    /** Sends the bytes at once and reads the answer. */
    public Answer send(byte[] request, Duration deadline) throws IOException {
        return send(request, Duration.ZERO, request.length, deadline);
    }

    public Answer send(String request, Duration deadline) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1), deadline);
    }

    /**
     * Sends the first {@code upTo} bytes, {@code pause} after each byte (zero: at once); if that is not all of
     * them, closes the connection right after (an early disconnect) and returns what came back by then.
     */
    public Answer send(byte[] request, Duration pause, int upTo, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            if (pause.isZero()) {
                out.write(request, 0, upTo);
            } else {
                for (int i = 0; i < upTo; i++) {
                    out.write(request[i]);
                    out.flush();
                    sleep(pause);
                }
            }
            out.flush();
            if (upTo < request.length) {
                socket.setSoLinger(true, 0); // a reset, as a client that dies does
                return new Answer(new byte[0], false, false);
            }
            return read(socket, end);
        }
    }

    /** Sends the bytes, half-closes (the server sees the end of the request stream), and reads the answer. */
    public Answer sendAndHalfClose(byte[] request, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return readToClose(socket, end);
        }
    }

    /** Everything until the server closes (several responses, when the bytes held several requests). */
    private static Answer readToClose(Socket socket, long end) throws IOException {
        return read(socket, end, true);
    }

    /** Sends all but the last {@code tail} bytes at once, then those a byte each {@code pause}, and reads the answer. */
    public Answer sendSlowTail(byte[] request, int tail, Duration pause, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            int at = Math.max(0, request.length - tail);
            out.write(request, 0, at);
            out.flush();
            for (int i = at; i < request.length; i++) {
                sleep(pause);
                out.write(request[i]);
                out.flush();
            }
            return read(socket, end);
        }
    }

    /** Sends a request, reads the first {@code keep} bytes of the answer (after waiting for them), then resets. */
    public byte[] sendAndHangUp(byte[] request, int keep, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[Math.max(1, keep)];
            while (got.size() < keep && System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
                int n;
                try {
                    n = in.read(buffer, 0, keep - got.size());
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
            socket.setSoLinger(true, 0);
            return got.toByteArray();
        }
    }

    private static Answer read(Socket socket, long end) throws IOException {
        return read(socket, end, false);
    }

    /** The answer until the server closes, the deadline, or (unless {@code untilClose}) one complete response. */
    private static Answer read(Socket socket, long end, boolean untilClose) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Answer(got.toByteArray(), false, true);
            }
            socket.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return new Answer(got.toByteArray(), false, true);
            } catch (IOException reset) {
                return new Answer(got.toByteArray(), true, false);
            }
            if (n < 0) {
                return new Answer(got.toByteArray(), true, false);
            }
            got.write(buffer, 0, n);
            if (!untilClose && complete(got.toByteArray())) {
                return new Answer(got.toByteArray(), false, false);
            }
        }
    }

    /** Whether the bytes hold a whole response with a Content-Length (a keep-alive server does not close). */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        for (String line : text.substring(0, head).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return bytes.length >= head + 4 + Long.parseLong(line.substring(15).trim());
            }
        }
        return false;
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
