package dev.lambdabridge.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Baseline for {@link RoundTripBenchmark}: the fake runtime against the least a Runtime API server can be (one
 * blocking socket, canned headers), timing event-out to response-in. What is left of the emulator's round trip
 * after subtracting this is the emulator's overhead.
 */
final class MinimalServerBaseline {
    private static final byte[] EVENT = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    private MinimalServerBaseline() {
    }

    static void measure(int n) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = new ProcessBuilder(RoundTripBenchmark.jitCommand()).inheritIO();
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort());
            builder.environment().put("FAKE_MODE", "echo");
            Process fake = builder.start();
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                long[] micros = new long[n];
                for (int i = 0; i < 2 * n; i++) {
                    long nanos = exchange(in, out, i);
                    if (i >= n) {
                        micros[i - n] = nanos / 1000;
                    }
                }
                Arrays.sort(micros);
                System.out.printf("baseline (minimal blocking server): n=%d median=%d us p90=%d us%n", n,
                        micros[n / 2], micros[n * 9 / 10]);
            } finally {
                fake.destroyForcibly().waitFor();
            }
        }
    }

    /** Answers one GET next and the response that follows; returns the nanos between the two. */
    private static long exchange(InputStream in, OutputStream out, int i) throws IOException {
        readRequest(in);
        long start = System.nanoTime();
        out.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: id-" + i
                + "\r\nLambda-Runtime-Deadline-Ms: 9999999999999\r\nContent-Type: application/json\r\nContent-Length: "
                + EVENT.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(EVENT);
        out.flush();
        readRequest(in);
        long nanos = System.nanoTime() - start;
        out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return nanos;
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the fake runtime closed the connection");
            }
            if (b == '\n') {
                String text = line.toString().trim();
                if (text.isEmpty()) {
                    break;
                }
                if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(text.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        in.readNBytes(length);
    }
}
