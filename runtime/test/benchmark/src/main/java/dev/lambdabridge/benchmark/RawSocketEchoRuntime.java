package dev.lambdabridge.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The benchmark's lower bound: the least a Lambda runtime can do. One keep-alive socket to
 * {@code AWS_LAMBDA_RUNTIME_API}; forever: {@code GET next}, then {@code POST} the event's bytes back as the
 * response. No handler, no context, no JSON, no logging. Uses only java.base, so its cold start is the JVM's own.
 *
 * <p>Exits 0 when the Runtime API closes the connection, 2 on anything it does not expect.
 */
public final class RawSocketEchoRuntime {
    private static final String BASE = "/2018-06-01/runtime/invocation/";

    private RawSocketEchoRuntime() {
    }

    public static void main(String[] args) throws IOException {
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (api == null || api.lastIndexOf(':') < 0) {
            System.err.println("raw-socket runtime: AWS_LAMBDA_RUNTIME_API is not host:port: " + api);
            System.exit(2);
        }
        int colon = api.lastIndexOf(':');
        try (Socket socket = new Socket(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1)))) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            byte[] next = HttpHead.ascii("GET " + BASE + "next HTTP/1.1\r\nHost: " + api + "\r\n\r\n");
            String postHost = " HTTP/1.1\r\nHost: " + api + "\r\nContent-Length: ";
            HttpHead head = new HttpHead();
            while (true) {
                out.write(next);
                out.flush();
                if (!head.read(in)) {
                    return;
                }
                byte[] event = head.body(in);
                if (head.status() != 200 || head.requestId == null) {
                    System.err.println("raw-socket runtime: next answered " + head.startLine + ", exiting");
                    System.exit(2);
                }
                out.write(HttpHead.ascii("POST " + BASE + head.requestId + "/response" + postHost + event.length
                        + "\r\n\r\n"));
                out.write(event);
                out.flush();
                if (!head.read(in)) {
                    return;
                }
                head.body(in);
                if (head.status() != 202) {
                    System.err.println("raw-socket runtime: response answered " + head.startLine);
                }
                if (head.close) {
                    return;
                }
            }
        }
    }
}
