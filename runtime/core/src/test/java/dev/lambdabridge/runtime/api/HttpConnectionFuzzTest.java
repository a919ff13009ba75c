package dev.lambdabridge.runtime.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing (Jazzer) of {@link HttpConnection}'s response parser (status line, headers, Content-Length and chunked
 * bodies), through a real socket: whatever a peer sends, {@code exchange} returns a response or throws an
 * {@link IOException} (the documented failure, which ends the runtime with a message), within 5 s, and
 * allocates no more than the bytes it was sent justify (a peer that announces 256 MB and sends 10 bytes must not
 * make the runtime allocate 256 MB). Well-formed responses built from the fuzzer's data must parse back to their
 * bodies; responses announcing more than they send must be an {@code IOException}.
 *
 * <p>Every test run replays the seeds in src/test/resources/dev/lambdabridge/runtime/api/HttpConnectionFuzzTestInputs
 * (raw answers, byte for byte as a peer sends them; Jazzer adds the crashing inputs it finds there); a fuzzing
 * run is {@code JAZZER_FUZZ=1 mvn test -pl runtime/core -Dtest='HttpConnectionFuzzTest#METHOD'
 * -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class HttpConnectionFuzzTest {
    /** Allowed allocation: a generous multiple of what was received, plus buffers (64 KiB socket buffers...). */
    private static final long ALLOCATION_SLACK = 4L * 1024 * 1024;
    private static OneShotHttpPeer peer;
    private static ExecutorService caller;
    private static boolean warm;

    @BeforeAll
    static void start() throws IOException {
        peer = new OneShotHttpPeer();
        caller = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() throws IOException {
        caller.shutdownNow();
        peer.close();
    }

    /** Any bytes as the answer (the dictionary: the tokens the parser is sensitive to, for the mutations). */
    @FuzzTest
    @DictionaryFile(resourcePath = "http-response.dict")
    void anyAnswerIsAResponseOrAnIOException(byte[] answer) throws Exception {
        exchange(answer);
    }

    /** A well-formed response (status, 0-4 headers, Content-Length or chunked, a body of up to 5,000 bytes). */
    @FuzzTest
    void wellFormedResponsesParseBackToTheirBodies(FuzzedDataProvider data) throws Exception {
        int status = data.consumeInt(100, 599);
        boolean chunked = data.consumeBoolean();
        Random random = new Random(data.consumeLong());
        byte[] body = data.consumeBytes(5000);
        byte[] bytes = wellFormed(status, body, chunked, random);
        Outcome outcome = exchange(bytes);
        assertTrue(outcome.response() != null, () -> "refused a well-formed response: " + outcome.failure() + "\n"
                + new String(bytes, StandardCharsets.ISO_8859_1));
        assertEquals(status, outcome.response().status());
        assertArrayEquals(body, outcome.response().body());
    }

    /** Responses announcing more than they send: Content-Length or chunk sizes up to and over the limit. */
    @FuzzTest
    void lyingLengthsAllocateOnlyWhatArrives(FuzzedDataProvider data) throws Exception {
        long announced = data.consumeLong(1, 300L * 1024 * 1024);
        int sent = data.consumeInt(0, 1000);
        boolean chunked = data.consumeBoolean();
        byte[] answer = lie(announced, sent, chunked);
        Outcome outcome = exchange(answer);
        assertTrue(outcome.failure() instanceof IOException, () -> "accepted a body shorter than announced: "
                + new String(answer, StandardCharsets.ISO_8859_1));
    }

    record Outcome(HttpResponse response, Throwable failure) {
    }

    /** One exchange against the peer; asserts the failure kind, the time and the allocation. */
    private static Outcome exchange(byte[] answer) throws Exception {
        // here, not in @BeforeAll: Jazzer installs its agent when the first fuzz test's inputs are asked for
        try (SilentCloseable loopbackOnly = LoopbackPermission.allow(peer.port())) {
            if (!warm) {
                // the first exchange loads (and Jazzer instruments) the client's classes on the calling thread: a
                // few MB that the allocation bound is not about
                peer.next(wellFormed(200, "{}".getBytes(StandardCharsets.US_ASCII), true, new Random(1)));
                caller.submit(HttpConnectionFuzzTest::call).get(30, TimeUnit.SECONDS);
                warm = true;
            }
            return exchangeOnce(answer);
        }
    }

    private static HttpResponse call() throws IOException {
        HttpConnection connection = new HttpConnection("127.0.0.1", peer.port());
        try {
            return connection.exchange("GET", "/2018-06-01/runtime/invocation/next", new String[0], null, 0, 0);
        } finally {
            connection.close();
        }
    }

    private static Outcome exchangeOnce(byte[] answer) throws Exception {
        peer.next(answer);
        Future<Outcome> call = caller.submit(() -> {
            long before = allocated();
            Outcome outcome;
            try {
                outcome = new Outcome(call(), null);
            } catch (IOException e) {
                outcome = new Outcome(null, e);
            }
            long used = allocated() - before;
            assertTrue(used <= answer.length * 8L + ALLOCATION_SLACK, "allocated " + used + " bytes for an answer of "
                    + answer.length + " bytes");
            return outcome;
        });
        try {
            return call.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AssertionError("no result within 5 s for " + new String(answer, StandardCharsets.ISO_8859_1), e);
        } catch (ExecutionException e) {
            // anything but IOException escaping exchange() is a crash of the parser
            throw new AssertionError("exchange threw " + e.getCause() + " for "
                    + new String(answer, StandardCharsets.ISO_8859_1), e.getCause());
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static byte[] wellFormed(int status, byte[] body, boolean chunked, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Reason\r\n");
        for (int i = random.nextInt(5); i > 0; i--) {
            head.append("X-H").append(i).append(":").append(" ".repeat(random.nextInt(3))).append("v").append(i)
                    .append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                .append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (chunked) {
            int at = 0;
            while (at < body.length) {
                int n = Math.min(body.length - at, 1 + random.nextInt(700));
                out.writeBytes((Integer.toHexString(n).toUpperCase(Locale.ROOT) + (random.nextBoolean() ? ";ext=1" : "")
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += n;
            }
            out.writeBytes("0\r\nTrailer-X: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static byte[] lie(long announced, int sent, boolean chunked) {
        int actual = (int) Math.min(sent, announced - 1);
        String head = "HTTP/1.1 200 OK\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n\r\n"
                + Long.toHexString(announced) + "\r\n" : "Content-Length: " + announced + "\r\n\r\n");
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + actual];
        System.arraycopy(start, 0, all, 0, start.length);
        Arrays.fill(all, start.length, all.length, (byte) 'b');
        return all;
    }
}
