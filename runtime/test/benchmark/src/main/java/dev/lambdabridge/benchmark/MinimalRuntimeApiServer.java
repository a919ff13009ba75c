package dev.lambdabridge.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The least a Runtime API server can be: one blocking socket, canned headers, one runtime process. With the
 * raw-socket loop it is the baseline the emulator's overhead is measured against; with the other runtimes it
 * gives their warm round trip without the emulator. A round trip is timed from writing the event to having read
 * the runtime's response, the span the emulator's invoke covers. The runtime's stdout and stderr go to a log
 * file, whose tail any error message quotes.
 */
final class MinimalRuntimeApiServer implements AutoCloseable {
    private static final int ACCEPT_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket server;
    private final Process process;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final HttpHead head = new HttpHead();
    private final BenchHandler handler;
    private final Path log;
    private final byte[] event;
    private final byte[] eventHead;
    private final byte[] accepted = HttpHead.ascii(
            "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n");
    private long sequence;

    /**
     * Starts the runtime command in the work directory with exactly the given environment plus
     * {@code AWS_LAMBDA_RUNTIME_API} pointing here, and waits for it to connect.
     */
    MinimalRuntimeApiServer(List<String> command, Path workDir, Map<String, String> env, BenchHandler handler,
                            Path log) throws IOException {
        this.handler = handler;
        this.log = log;
        this.event = handler.event.clone();
        this.eventHead = HttpHead.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Lambda-Runtime-Deadline-Ms: 9999999999999\r\n"
                + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:"
                + env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "baseline") + "\r\n"
                + "Content-Length: " + event.length + "\r\n");
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort());
        this.process = builder.start();
        try {
            server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            this.socket = server.accept();
        } catch (SocketTimeoutException e) {
            close0(null);
            throw new IOException("the runtime " + command + " did not connect to the minimal server within "
                    + ACCEPT_TIMEOUT_MILLIS + " ms" + logTail(), e);
        }
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    long pid() {
        return process.pid();
    }

    /** One event: waits for {@code GET next} (untimed), then times event out to response in; answers 202. */
    long roundTripNanos() throws IOException {
        if (!head.read(in)) {
            throw new IOException("the runtime closed the connection instead of asking for the next event" + logTail());
        }
        head.body(in);
        long start = System.nanoTime();
        out.write(eventHead);
        out.write(HttpHead.ascii("Lambda-Runtime-Aws-Request-Id: baseline-" + (sequence++) + "\r\n\r\n"));
        out.write(event);
        out.flush();
        if (!head.read(in)) {
            throw new IOException("the runtime closed the connection instead of responding" + logTail());
        }
        byte[] response = head.body(in);
        long nanos = System.nanoTime() - start;
        out.write(accepted);
        out.flush();
        if (!handler.isExpected(response)) {
            throw new IOException("the runtime posted " + head.startLine + " with an unexpected body: "
                    + new String(response, java.nio.charset.StandardCharsets.UTF_8) + logTail());
        }
        return nanos;
    }

    /** The last lines the runtime wrote (stdout and stderr), for an error message. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the last lines of " + log + ":\n" + String.join("\n",
                    lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        close0(socket);
    }

    private void close0(Socket connection) {
        try {
            if (connection != null) {
                connection.close();
            }
            server.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
