package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.Fakes;
import dev.lambdabridge.emulator.testing.HostileClient;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile and broken HTTP clients on raw loopback sockets against each of the emulator's servers: the Invoke API,
 * a function's Runtime API, and the Extensions and Telemetry APIs on the same port. Each request gets a clear
 * status with a JSON body that says what was wrong (or, for a client that hangs up, nothing at all), within 5 s;
 * no thread is left inside the emulator's handlers; and after each one a real invocation on a new connection goes
 * through. Bounded: every read has a deadline, the slow senders send at most 40 bytes a byte per 100 ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String INVOKE = "POST /2015-03-31/functions/echo/invocations HTTP/1.1\r\nHost: x\r\n";
    private Emulator emulator;
    private HostileClient invoke;
    private HostileClient runtime;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(Fakes.function("echo", "echo"));
        invoke = new HostileClient(emulator.invokePort());
        runtime = new HostileClient(emulator.runtimeApiPort("echo"));
        aRealInvocationGoesThrough(); // the runtime is up, parked in next
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    /** After each case: a well-formed invocation on a new connection works, and no thread is stuck in a handler. */
    @AfterEach
    void theNextRealInvocationWorks() throws Exception {
        aRealInvocationGoesThrough();
        noThreadIsLeftInAHandler();
    }

    private void aRealInvocationGoesThrough() {
        String nonce = "{\"nonce\":\"" + System.nanoTime() + "\"}";
        HostileClient.Answer answer;
        try {
            answer = invoke.send(INVOKE + "Content-Length: " + nonce.length() + "\r\n\r\n" + nonce, DEADLINE);
        } catch (java.io.IOException e) {
            throw new AssertionError("the real invocation failed: " + e, e);
        }
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(nonce, answer.body(), answer::toString);
    }

    private static void noThreadIsLeftInAHandler() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<String> stuck;
        do {
            stuck = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                for (StackTraceElement frame : thread.getValue()) {
                    if (frame.getClassName().startsWith("dev.lambdabridge.emulator.")
                            && frame.getClassName().matches(".*(Handler|Routes|BodyReader|ProtocolErrors).*")) {
                        stuck.add(thread.getKey().getName() + " at " + frame);
                        break;
                    }
                }
            }
            if (stuck.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        throw new AssertionError("threads left in the emulator's handlers: " + stuck);
    }

    private static void refused(HostileClient.Answer answer, int status, String errorType, String... words) {
        assertFalse(answer.timedOut(), () -> "no answer within 5 s: " + answer);
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/json"),
                answer::toString);
        String body = answer.body();
        assertTrue(body.startsWith("{") && (body.contains("\"message\":\"") || body.contains("\"errorMessage\":\"")),
                answer::toString);
        assertTrue(body.contains(errorType) || errorType.equals(answer.header("x-amzn-ErrorType")), answer::toString);
        for (String word : words) {
            assertTrue(body.contains(word), () -> "'" + word + "' not in " + answer);
        }
    }

    // ---- malformed requests: every port answers in its API's JSON shape ----

    @Test
    void malformedRequestLinesAreBadRequests() throws Exception {
        for (HostileClient port : List.of(invoke, runtime)) {
            refused(port.send("GARBAGE\r\n\r\n", DEADLINE), 400, "BadRequestException", "malformed HTTP request",
                    "No URI");
            refused(port.send("\u0000\u0001\u0002\r\n\r\n", DEADLINE), 400, "BadRequestException", "Illegal character");
            refused(port.send("GET / HTTP/9.9\r\nHost: x\r\n\r\n", DEADLINE), 505, "HTTPVersionNotSupportedException",
                    "Unknown Version");
            refused(port.send("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", DEADLINE), 400, "BadRequestException", "hex");
            refused(port.send("POST /2015-03-31/functions/echo/invocations HTTP/1.1\r\n\r\n", DEADLINE), 400,
                    "BadRequestException", "No Host");
            // a proxy's method: no such operation (the emulator is no proxy)
            HostileClient.Answer connect = port.send("CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n",
                    DEADLINE);
            assertEquals(404, connect.status(), connect::toString);
            assertTrue(connect.body().contains("CONNECT"), connect::toString);
        }
    }

    @Test
    void badOrMissingContentLengthsAreBadRequests() throws Exception {
        refused(invoke.send(INVOKE + "Content-Length: abc\r\n\r\n{}", DEADLINE), 400, "BadRequestException",
                "Invalid Content-Length");
        refused(invoke.send(INVOKE + "Content-Length: -1\r\n\r\n{}", DEADLINE), 400, "BadRequestException",
                "Invalid Content-Length");
        refused(invoke.send(INVOKE + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", DEADLINE), 400,
                "BadRequestException", "Multiple Content-Lengths");
        refused(invoke.send(INVOKE + "Content-Length: 99999999999999999999\r\n\r\n{}", DEADLINE), 400,
                "BadRequestException", "overflow");
        // request smuggling's shape: both framings at once
        refused(invoke.send(INVOKE + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                DEADLINE), 400, "BadRequestException", "Transfer-Encoding and Content-Length");
        refused(invoke.send(INVOKE + "Transfer-Encoding: gzip\r\n\r\n{}", DEADLINE), 400, "BadRequestException",
                "Transfer-Encoding");
        // no length at all: the body is empty (HTTP/1.1), the invocation gets no payload and the stray bytes are
        // the next request's line
        HostileClient.Answer noLength = invoke.send(INVOKE + "\r\n", DEADLINE);
        assertEquals(200, noLength.status(), noLength::toString);
        refused(runtime.send("POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 1x\r\n\r\n{}", DEADLINE), 400, "BadRequestException", "Invalid Content-Length");
    }

    @Test
    void malformedChunkedBodiesAreBadRequestsThatSaySo() throws Exception {
        String chunked = "Transfer-Encoding: chunked\r\n\r\n";
        for (String body : List.of("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}XX0\r\n\r\n",
                "FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n")) {
            refused(invoke.send(INVOKE + chunked + body, DEADLINE), 400, "BadRequestException",
                    "the request body could not be read", "chunked encoding is malformed");
        }
        refused(runtime.send("POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nHost: x\r\n" + chunked
                + "zz\r\n", DEADLINE), 400, "BadRequestException", "chunked encoding is malformed");
        refused(runtime.send("PUT /2022-07-01/telemetry HTTP/1.1\r\nHost: x\r\n" + chunked + "zz\r\n", DEADLINE),
                400, "BadRequestException", "chunked encoding is malformed");
    }

    @Test
    void oversizedHeadersAndUrisAre431And414() throws Exception {
        for (HostileClient port : List.of(invoke, runtime)) {
            refused(port.send(INVOKE + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n", DEADLINE), 431,
                    "RequestHeaderFieldsTooLargeException", "8192 bytes");
            refused(port.send("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", DEADLINE), 414,
                    "URITooLongException", "8192 bytes");
            StringBuilder many = new StringBuilder(INVOKE);
            for (int i = 0; i < 1000; i++) {
                many.append("X-").append(i).append(": v\r\n");
            }
            refused(port.send(many.append("\r\n").toString(), DEADLINE), 431, "RequestHeaderFieldsTooLargeException");
        }
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        HostileClient.Answer delete = invoke.send("DELETE /2015-03-31/functions/echo/invocations HTTP/1.1\r\n"
                + "Host: x\r\n\r\n", DEADLINE);
        refused(delete, 405, "MethodNotAllowedException", "DELETE", "use POST");
        assertEquals("POST", delete.header("Allow"));
        String[][] runtimeCases = {
            {"PUT", "/2018-06-01/runtime/invocation/next", "GET"},
            {"GET", "/2018-06-01/runtime/invocation/x/response", "POST"},
            {"DELETE", "/2018-06-01/runtime/init/error", "POST"},
            {"GET", "/2020-01-01/extension/register", "POST"},
            {"POST", "/2020-01-01/extension/event/next", "GET"},
            {"POST", "/2022-07-01/telemetry", "PUT"},
        };
        for (String[] c : runtimeCases) {
            HostileClient.Answer answer = runtime.send(c[0] + " " + c[1] + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 2\r\n\r\n{}", DEADLINE);
            refused(answer, 405, "MethodNotAllowed", c[0], "use " + c[2]);
            assertEquals(c[2], answer.header("Allow"), answer::toString);
        }
    }

    @Test
    void nonJsonAndHugeJsonAreRefusedWithTheReason() throws Exception {
        refused(invoke.send(INVOKE + "Content-Length: 8\r\n\r\nnot json", DEADLINE), 400,
                "InvalidRequestContentException", "Could not parse request body into json");
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        refused(invoke.send(concat(INVOKE + "Content-Length: " + deep.length + "\r\n\r\n", deep), DEADLINE), 400,
                "InvalidRequestContentException", "nesting depth");
        byte[] huge = new byte[7 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '"';
        huge[huge.length - 1] = '"';
        refused(invoke.send(concat(INVOKE + "Content-Length: " + huge.length + "\r\n\r\n", huge), DEADLINE), 413,
                ErrorTypes.REQUEST_TOO_LARGE, "6291456 bytes");
        refused(runtime.send("PUT /2022-07-01/telemetry HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                DEADLINE), 403, "Extension.UnknownExtensionIdentifier");
        byte[] bigSubscription = ("[".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
        refused(runtime.send(concat("PUT /2022-07-01/telemetry HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + bigSubscription.length + "\r\n\r\n", bigSubscription), DEADLINE), 413, "RequestEntityTooLarge",
                "65536 bytes");
        refused(runtime.send("POST /2020-01-01/extension/register HTTP/1.1\r\nHost: x\r\nLambda-Extension-Name: e\r\n"
                + "Content-Length: 3\r\n\r\nabc", DEADLINE), 403, "Extension.RegistrationClosed");
    }

    // ---- slow senders and early disconnects ----

    @Test
    void slowSendersAreServedWithoutHoldingAThread() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        // twenty clients that stop in the middle of their request head: no thread waits for them
        List<java.net.Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                        i % 2 == 0 ? emulator.invokePort() : emulator.runtimeApiPort("echo"));
                socket.getOutputStream().write("POST /2015-03-31/functions/echo/invoc".getBytes(StandardCharsets.US_ASCII));
                silent.add(socket);
            }
            // two that send the end of their request a byte per 100 ms (40 bytes: 4 s), side by side
            String body = "{\"slow\":1}";
            byte[] slowInvoke = (INVOKE + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<HostileClient.Answer> slowly = CompletableFuture.supplyAsync(() -> dribble(invoke,
                    slowInvoke, 40));
            byte[] slowRefusal = ("GET /2020-01-01/extension/register HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<HostileClient.Answer> slowRuntime = CompletableFuture.supplyAsync(() -> dribble(runtime,
                    slowRefusal, 40));
            aRealInvocationGoesThrough(); // meanwhile
            HostileClient.Answer answer = slowly.get(15, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), answer::toString);
            assertEquals(body, answer.body());
            refused(slowRuntime.get(15, TimeUnit.SECONDS), 405, "MethodNotAllowed", "use POST");
            int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threadsDuring < threadsBefore + 10, "threads: " + threadsBefore + " before, " + threadsDuring
                    + " with 20 silent clients and 2 slow ones");
        } finally {
            for (java.net.Socket socket : silent) {
                socket.close();
            }
        }
    }

    private static HostileClient.Answer dribble(HostileClient port, byte[] request, int slowTail) {
        try {
            return port.sendSlowTail(request, slowTail, Duration.ofMillis(100), Duration.ofSeconds(12));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clientsThatHangUpMidBodyLeaveNothingBehind() throws Exception {
        byte[] half = (INVOKE + "Content-Length: 1000\r\n\r\n{\"a\":\"").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 5; i++) {
            invoke.send(concat(half, new byte[0]), Duration.ZERO, half.length - i, DEADLINE); // reset mid-body
            invoke.send(concat(half, "x".getBytes(StandardCharsets.US_ASCII)), Duration.ZERO, half.length, DEADLINE);
        }
        byte[] runtimeHalf = ("POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 1000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII);
        runtime.send(concat(runtimeHalf, "x".getBytes(StandardCharsets.US_ASCII)), Duration.ZERO, runtimeHalf.length,
                DEADLINE);
        byte[] chunkedHalf = (INVOKE + "Transfer-Encoding: chunked\r\n\r\n100\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII);
        invoke.send(concat(chunkedHalf, "x".getBytes(StandardCharsets.US_ASCII)), Duration.ZERO, chunkedHalf.length,
                DEADLINE);
    }

    @Test
    void clientsThatHangUpMidResponseLeaveNothingBehind() throws Exception {
        // a 3 MB answer, of which the client reads 100 bytes (or none) before it resets
        String big = "{\"pad\":\"" + "p".repeat(3 * 1024 * 1024) + "\"}";
        byte[] request = (INVOKE + "Content-Length: " + big.length() + "\r\n\r\n" + big).getBytes(StandardCharsets.US_ASCII);
        for (int keep : new int[] {100, 0, 70_000}) {
            invoke.sendAndHangUp(request, keep, DEADLINE);
        }
        // one that hangs up while its invocation runs (before any byte of the answer)
        invoke.sendAndHangUp(concat(INVOKE + "Content-Length: 2\r\n\r\n", "{}".getBytes(StandardCharsets.US_ASCII)),
                0, DEADLINE);
    }

    private static byte[] concat(String head, byte[] body) {
        return concat(head.getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
