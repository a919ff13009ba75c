package dev.lambdabridge.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamingResponse} against a socket that records one chunked request as the Runtime API would receive it
 * and answers 202: the head, the chunk sizes, the body and the trailers.
 */
class StreamingResponseTest {
    private ServerSocket server;
    private CompletableFuture<Recorded> recorded;

    record Recorded(String head, List<Integer> chunkSizes, byte[] body, Map<String, String> trailers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        recorded = CompletableFuture.supplyAsync(this::recordOne);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private Recorded recordOne() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                head.append(line).append('\n');
            }
            List<Integer> sizes = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> trailers = new LinkedHashMap<>();
            while (true) {
                int size = Integer.parseInt(line(in), 16);
                if (size == 0) {
                    for (String line = line(in); !line.isEmpty(); line = line(in)) {
                        trailers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
                    }
                    break;
                }
                sizes.add(size);
                body.write(in.readNBytes(size));
                line(in);
            }
            socket.getOutputStream().write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return new Recorded(head.toString(), sizes, body.toByteArray(), trailers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed; line so far: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private StreamingResponse response() {
        return new StreamingResponse(RuntimeApiClient.forAddress("127.0.0.1:" + server.getLocalPort()), "req-1");
    }

    private Recorded result() throws Exception {
        return recorded.get(10, TimeUnit.SECONDS);
    }

    @Test
    void writesAreGatheredIntoChunksAndFlushSendsAtOnce() throws Exception {
        StreamingResponse response = response();
        response.setContentType("text/csv");
        for (int i = 0; i < 10_000; i++) {
            response.write(("row " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        response.flush();
        response.write("last\n".getBytes(StandardCharsets.US_ASCII));
        response.complete();
        Recorded sent = result();
        assertTrue(sent.head().startsWith("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\n"), sent.head());
        assertTrue(sent.head().contains("Lambda-Runtime-Function-Response-Mode: streaming\n"), sent.head());
        assertTrue(sent.head().contains("Content-Type: text/csv\n"), sent.head());
        assertTrue(sent.head().contains("Transfer-Encoding: chunked\n"), sent.head());
        assertTrue(sent.chunkSizes().stream().allMatch(size -> size <= StreamingResponse.CHUNK), sent.chunkSizes().toString());
        assertTrue(sent.chunkSizes().size() < 10, "10,000 small writes, " + sent.chunkSizes().size() + " chunks");
        assertTrue(sent.text().startsWith("row 0\nrow 1\n") && sent.text().endsWith("row 9999\nlast\n"));
        assertEquals(Map.of(), sent.trailers());
        assertEquals(sent.body().length, response.bytesWritten());
    }

    @Test
    void theHttpIntegrationPreludeComesFirstAndIsNotCountedAsBody() throws Exception {
        StreamingResponse response = response();
        response.startHttpResponse(201, Map.of("X-Id", "a\"b"), List.of("c=1"));
        response.write("body".getBytes(StandardCharsets.US_ASCII));
        response.complete();
        Recorded sent = result();
        assertTrue(sent.head().contains("Content-Type: " + ResponseStream.HTTP_INTEGRATION_CONTENT_TYPE + "\n"));
        assertEquals("{\"statusCode\":201,\"headers\":{\"X-Id\":\"a\\\"b\"},\"cookies\":[\"c=1\"]}\0\0\0\0\0\0\0\0body",
                sent.text());
        assertEquals(4, response.bytesWritten());
    }

    @Test
    void aFailureAfterTheFirstBytesGoesInTheTrailers() throws Exception {
        StreamingResponse response = response();
        response.write("partial".getBytes(StandardCharsets.US_ASCII));
        response.flush();
        assertTrue(response.started());
        assertThrows(IllegalStateException.class, () -> response.setContentType("text/plain"));
        response.fail(new ErrorPayload("Runtime.UserException", "{\"errorMessage\":\"boom\"}", null));
        Recorded sent = result();
        assertEquals("partial", sent.text());
        assertEquals("Runtime.UserException", sent.trailers().get("Lambda-Runtime-Function-Error-Type"));
        assertEquals("{\"errorMessage\":\"boom\"}", new String(Base64.getDecoder().decode(
                sent.trailers().get("Lambda-Runtime-Function-Error-Body")), StandardCharsets.UTF_8));
    }

    @Test
    void nothingIsSentBeforeTheFirstByteAndTheTooLargeErrorIsLambdas() {
        StreamingResponse response = response();
        assertTrue(!response.started(), "the request starts with the first byte");
        ErrorPayload tooLarge = StreamingResponse.tooLarge();
        assertEquals("Function.ResponseSizeTooLarge", tooLarge.runtimeErrorType());
        assertEquals("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (209715200 "
                + "bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}", tooLarge.json());
    }
}
