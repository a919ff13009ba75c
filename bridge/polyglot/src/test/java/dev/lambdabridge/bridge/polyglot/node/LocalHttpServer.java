package dev.lambdabridge.bridge.polyglot.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 for the http/fetch tests: {@code /json}, {@code /echo} (method, path, the
 * {@code content-type} and {@code x-custom} headers, body), {@code /gzip} (a gzip-encoded body), {@code /status/N}.
 */
final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/json", exchange -> answer(exchange, 200, "application/json", utf8("{\"hello\":\"json\",\"n\":[1,2]}")));
        server.createContext("/echo", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " type="
                    + exchange.getRequestHeaders().getFirst("content-type") + " custom="
                    + exchange.getRequestHeaders().getFirst("x-custom") + " body=" + body;
            exchange.getResponseHeaders().add("X-Answer", "echoed");
            answer(exchange, 201, "text/plain; charset=utf-8", utf8(echo));
        });
        server.createContext("/gzip", exchange -> {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
                gzip.write(utf8("this body came gzipped"));
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            answer(exchange, 200, "text/plain", packed.toByteArray());
        });
        server.createContext("/status/", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
            answer(exchange, status, "text/plain", utf8("status " + status));
        });
        server.start();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL where nothing listens (a port just freed). */
    static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
