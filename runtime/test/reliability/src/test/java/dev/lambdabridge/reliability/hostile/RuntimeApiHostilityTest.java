package dev.lambdabridge.reliability.hostile;

import static dev.lambdabridge.reliability.hostile.RawRuntimeApi.accepted;
import static dev.lambdabridge.reliability.hostile.RawRuntimeApi.ascii;
import static dev.lambdabridge.reliability.hostile.RawRuntimeApi.invocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.reliability.HostedRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real runtime process (layers/dist's bootstrap, a Java stream handler) against a Runtime API that breaks
 * HTTP: Lambda's contract is that a runtime whose Runtime API fails exits, so each case must end the process
 * with status 2 within seconds, after one line on stderr naming the call that failed and what was wrong. A
 * runtime that hung, or kept going on a half-read answer, could answer the wrong invocation.
 */
@Tag("slow")
class RuntimeApiHostilityTest {
    private static final String HEAD = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n";

    @Test
    void garbageInsteadOfHttp() throws Exception {
        exitsNaming(request -> ascii("HELLO THERE\r\n\r\n"), "malformed HTTP status line");
    }

    @Test
    void aConnectionClosedBeforeAnyAnswer() throws Exception {
        exitsNaming(request -> null, "closed the connection");
    }

    @Test
    void aConnectionClosedInTheMiddleOfTheHeaders() throws Exception {
        exitsNaming(request -> ascii(HEAD + "Lambda-Runtime-Deadline-Ms: 1"), "closed the connection");
    }

    @Test
    void aBodyShorterThanItsContentLength() throws Exception {
        exitsNaming(request -> ascii(HEAD + "Content-Length: 1000\r\n\r\n{\"truncated\":"),
                "closed the connection after 13 of 1000 body bytes");
    }

    @Test
    void aContentLengthOfTenGigabytes() throws Exception {
        exitsNaming(request -> ascii(HEAD + "Content-Length: 10000000000\r\n\r\n{}"), "Content-Length out of range");
    }

    @Test
    void aChunkedBodyCutInsideAChunk() throws Exception {
        exitsNaming(request -> ascii(HEAD + "Transfer-Encoding: chunked\r\n\r\n400\r\n{\"cut\":"),
                "closed the connection inside a chunk");
    }

    @Test
    void aHeaderLineOfOneMegabyte() throws Exception {
        exitsNaming(request -> ascii(HEAD + "X-Flood: " + "x".repeat(1 << 20) + "\r\n\r\n"), "header line over");
    }

    @Test
    void anInvocationWithoutARequestId() throws Exception {
        exitsNaming(request -> ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"), "without a");
    }

    @Test
    void a500FromNext() throws Exception {
        exitsNaming(request -> ascii("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"), "500");
    }

    @Test
    void garbageAnsweringTheResponse() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        run(request -> request.line().startsWith("GET") && calls.incrementAndGet() == 1
                ? invocation("r1", "{\"a\":1}") : ascii("\u0000\u0001 binary nonsense\r\n\r\n"), true,
                "malformed HTTP status");
    }

    @Test
    void aHealthyApiIsServedThenTheRuntimeExitsWhenItGoesAway() throws Exception {
        AtomicInteger served = new AtomicInteger();
        AtomicInteger responses = new AtomicInteger();
        run(request -> {
            if (request.line().startsWith("POST") && request.line().contains("/response")) {
                assertEquals("{\"n\":" + served.get() + "}", new String(request.body(), StandardCharsets.UTF_8));
                responses.incrementAndGet();
                return accepted();
            }
            int n = served.incrementAndGet();
            return n <= 3 ? invocation("r" + n, "{\"n\":" + n + "}") : null;
        }, true, "closed the connection");
        assertEquals(3, responses.get(), "three invocations answered, then the API went away");
    }

    /** Runs the runtime against a peer that closes after its one answer. */
    private static void exitsNaming(Function<RawRuntimeApi.Request, byte[]> script, String expected)
            throws IOException, InterruptedException {
        run(script, false, expected);
    }

    /** Runs the runtime against the script; it must exit 2 within 20 s with {@code expected} on stderr. */
    private static void run(Function<RawRuntimeApi.Request, byte[]> script, boolean keepAlive, String expected)
            throws IOException, InterruptedException {
        try (RawRuntimeApi api = new RawRuntimeApi(script, keepAlive)) {
            ProcessBuilder builder = new ProcessBuilder(HostedRuntime.bootstrap().toString())
                    .directory(HostedRuntime.javaFunction().toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(Map.of("AWS_LAMBDA_RUNTIME_API", api.address(),
                    "_HANDLER", "soak.Echo::handleRequest", "LAMBDA_TASK_ROOT", HostedRuntime.javaFunction().toString(),
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256", "PATH", System.getenv("PATH")));
            Process runtime = builder.start();
            java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    runtime.getInputStream().transferTo(output);
                } catch (IOException e) {
                    // the process went away
                }
            });
            boolean exited = runtime.waitFor(20, TimeUnit.SECONDS);
            if (!exited) {
                runtime.destroyForcibly().waitFor();
            }
            reader.join(5_000);
            String text;
            synchronized (output) {
                text = output.toString(StandardCharsets.UTF_8);
            }
            assertTrue(exited, "the runtime did not exit: " + text);
            assertEquals(2, runtime.exitValue(), text);
            assertTrue(text.contains("lambda-bridge: exiting: ") && text.contains(expected),
                    "expected \"" + expected + "\" in: " + text.substring(0, Math.min(2000, text.length())));
        }
    }
}
