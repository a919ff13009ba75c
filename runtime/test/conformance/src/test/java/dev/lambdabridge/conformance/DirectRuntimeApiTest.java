package dev.lambdabridge.conformance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Lambda's Invoke API never lets through, sent straight to the runtimes by a one-connection Runtime API:
 * an event that is not JSON at all. Then the Runtime API goes away, and the runtime must exit with a message.
 */
@Tag("slow")
class DirectRuntimeApiTest {

    /** The error each runtime posted for the malformed event, and how it ended when the API went away. */
    record Outcome(String errorPath, String errorBody, String errorTypeHeader, int exitCode, String stderr) {
    }

    @Test
    void malformedEventGetsTheSameErrorUnderBothRuntimesAndALostApiEndsTheProcess() throws Exception {
        TestFunction.prepare(List.of());
        Outcome bridge = run(Runtimes.BRIDGE);
        Outcome aws = run(Runtimes.AWS);

        assertEquals(aws.errorBody(), bridge.errorBody());
        assertEquals("{\"errorMessage\":\"An error occurred during JSON parsing\",\"errorType\":\"java.lang.RuntimeException\","
                + "\"stackTrace\":[]}", bridge.errorBody());
        assertEquals(aws.errorTypeHeader(), bridge.errorTypeHeader());
        assertEquals("/2018-06-01/runtime/invocation/direct-1/error", bridge.errorPath());

        assertEquals(2, bridge.exitCode(), bridge.stderr());
        assertTrue(bridge.stderr().contains("lambda-bridge: exiting: Runtime API at 127.0.0.1:")
                && bridge.stderr().contains("failed during GET invocation/next"), bridge.stderr());
        assertTrue(aws.exitCode() != 0, "AWS's client exits too when the Runtime API is gone: " + aws.stderr());
    }

    private static Outcome run(Runtimes runtime) throws Exception {
        String handler = "example.conformance.Hello";
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path stderr = Files.createTempFile("runtime-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(runtime.command(handler))
                    .directory(Runtimes.FUNCTION.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort());
            builder.environment().put("_HANDLER", handler);
            builder.environment().put("LAMBDA_TASK_ROOT", Runtimes.FUNCTION.toString());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "direct");
            Process process = builder.start();
            try {
                String[] error = serveOneMalformedEvent(server);
                server.close(); // the Runtime API goes away
                boolean exited = process.waitFor(20, TimeUnit.SECONDS);
                assertTrue(exited, runtime + " did not exit after the Runtime API went away");
                return new Outcome(error[0], error[1], error[2], process.exitValue(), Files.readString(stderr));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** Answers GET next with a truncated JSON event, reads the error post, then closes everything. */
    private static String[] serveOneMalformedEvent(ServerSocket server) throws IOException {
        server.setSoTimeout(20_000);
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            readHead(in);
            byte[] event = "{\"name\": \"trunc".getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: direct-1\r\n"
                    + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000) + "\r\n"
                    + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:012345678912:function:direct\r\n"
                    + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + event.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(event);
            out.flush();
            // AWS's client posts errors on a new connection: accept one if the first one stays silent
            String head = readHeadOrNull(in);
            Socket second = null;
            if (head == null) {
                second = server.accept();
                in = new BufferedInputStream(second.getInputStream());
                out = second.getOutputStream();
                head = readHead(in);
            }
            String path = head.split(" ")[1];
            String type = header(head, "Lambda-Runtime-Function-Error-Type");
            byte[] body = in.readNBytes(Integer.parseInt(header(head, "Content-Length")));
            out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (second != null) {
                second.close();
            }
            return new String[] {path, new String(body, StandardCharsets.UTF_8), type};
        }
    }

    private static String readHeadOrNull(InputStream in) throws IOException {
        try {
            return readHead(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
