package dev.lambdabridge.runtime.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of {@link HttpConnection}'s response parser (status line, headers, Content-Length and chunked bodies),
 * through a real socket: whatever a peer sends, {@code exchange} returns a response or throws an
 * {@link IOException} (the documented failure, which ends the runtime with a message), within 5 s, and
 * allocates no more than the bytes it was sent justify (a peer that announces 256 MB and sends 10 bytes must not
 * make the runtime allocate 256 MB). Inputs: the seed corpus in src/test/resources/fuzz/http, mutations of it,
 * random bytes, and well-formed responses with random bodies (which must parse back to those bodies).
 * Tries per property: {@code jqwik.tries.default} (junit-platform.properties; {@code -Djqwik.tries.default=N}
 * for a longer run).
 */
class HttpConnectionFuzzTest {
    /** Allowed allocation: a generous multiple of what was received, plus buffers (64 KiB socket buffers...). */
    private static final long ALLOCATION_SLACK = 4L * 1024 * 1024;
    private static OneShotHttpPeer peer;
    private static ExecutorService caller;

    @BeforeContainer
    static void start() throws IOException {
        peer = new OneShotHttpPeer();
        caller = Executors.newSingleThreadExecutor();
    }

    @AfterContainer
    static void stop() throws IOException {
        caller.shutdownNow();
        peer.close();
    }

    @Property
    void anyAnswerIsAResponseOrAnIOException(@ForAll("answers") byte[] answer) throws Exception {
        exchange(answer);
    }

    @Property
    void wellFormedResponsesParseBackToTheirBodies(@ForAll("wellFormed") WellFormed response) throws Exception {
        Outcome outcome = exchange(response.bytes());
        assertTrue(outcome.response() != null, () -> "refused a well-formed response: " + outcome.failure() + "\n"
                + new String(response.bytes(), StandardCharsets.ISO_8859_1));
        assertEquals(response.status(), outcome.response().status());
        assertArrayEquals(response.body(), outcome.response().body());
    }

    @Property
    void lyingLengthsAllocateOnlyWhatArrives(@ForAll("lies") byte[] answer) throws Exception {
        Outcome outcome = exchange(answer);
        assertTrue(outcome.failure() instanceof IOException, () -> "accepted a body shorter than announced: "
                + new String(answer, StandardCharsets.ISO_8859_1));
    }

    record Outcome(HttpResponse response, Throwable failure) {
    }

    /** One exchange against the peer; asserts the failure kind, the time and the allocation. */
    private static Outcome exchange(byte[] answer) throws Exception {
        peer.next(answer);
        Future<Outcome> call = caller.submit(() -> {
            long before = allocated();
            HttpConnection connection = new HttpConnection("127.0.0.1", peer.port());
            Outcome outcome;
            try {
                outcome = new Outcome(connection.exchange("GET", "/2018-06-01/runtime/invocation/next",
                        new String[0], null, 0, 0), null);
            } catch (IOException e) {
                outcome = new Outcome(null, e);
            } finally {
                connection.close();
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
        } catch (java.util.concurrent.ExecutionException e) {
            // anything but IOException escaping exchange() is a crash of the parser
            throw new AssertionError("exchange threw " + e.getCause() + " for "
                    + new String(answer, StandardCharsets.ISO_8859_1), e.getCause());
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    // ---- inputs ----

    static List<byte[]> corpus() {
        try {
            Path dir = Path.of(HttpConnectionFuzzTest.class.getResource("/fuzz/http").toURI());
            List<byte[]> seeds = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    // the files are written with \n line ends, for diffs; HTTP wants \r\n
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                            .replace("\n", "\r\n").replace("<CR>", "\r").replace("<NOCRLF>\r\n", "");
                    seeds.add(text.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> answers() {
        List<byte[]> seeds = corpus();
        Arbitrary<byte[]> corpus = Arbitraries.of(seeds);
        Arbitrary<byte[]> mutated = Combinators.combine(corpus, Arbitraries.longs()).as(Mutations::mutate);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, corpus), net.jqwik.api.Tuple.of(6, mutated),
                net.jqwik.api.Tuple.of(2, random));
    }

    record WellFormed(int status, byte[] body, byte[] bytes) {
    }

    @Provide
    Arbitrary<WellFormed> wellFormed() {
        Arbitrary<Integer> status = Arbitraries.integers().between(100, 599);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
        Arbitrary<Boolean> chunked = Arbitraries.of(true, false);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(status, body, chunked, seed).as((s, b, c, r) -> {
            Random random = new Random(r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder("HTTP/1.1 " + s + " Reason\r\n");
            for (int i = random.nextInt(5); i > 0; i--) {
                head.append("X-H").append(i).append(":").append(" ".repeat(random.nextInt(3))).append("v").append(i)
                        .append("\r\n");
            }
            head.append(c ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + b.length + "\r\n").append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (c) {
                int at = 0;
                while (at < b.length) {
                    int n = Math.min(b.length - at, 1 + random.nextInt(700));
                    out.writeBytes((Integer.toHexString(n).toUpperCase(Locale.ROOT) + (random.nextBoolean() ? ";ext=1"
                            : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(b, at, n);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                    at += n;
                }
                out.writeBytes("0\r\nTrailer-X: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes(b);
            }
            return new WellFormed(s, b, out.toByteArray());
        });
    }

    /** Responses announcing more than they send: Content-Length or chunk sizes up to and over the limit. */
    @Provide
    Arbitrary<byte[]> lies() {
        Arbitrary<Long> announced = Arbitraries.longs().between(1, 300L * 1024 * 1024);
        Arbitrary<Integer> sent = Arbitraries.integers().between(0, 1000);
        Arbitrary<Boolean> chunked = Arbitraries.of(true, false);
        return Combinators.combine(announced, sent, chunked).as((n, s, c) -> {
            int actual = (int) Math.min(s, n - 1);
            String head = "HTTP/1.1 200 OK\r\n" + (c ? "Transfer-Encoding: chunked\r\n\r\n" + Long.toHexString(n)
                    + "\r\n" : "Content-Length: " + n + "\r\n\r\n");
            byte[] start = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[start.length + actual];
            System.arraycopy(start, 0, all, 0, start.length);
            java.util.Arrays.fill(all, start.length, all.length, (byte) 'b');
            return all;
        });
    }
}
