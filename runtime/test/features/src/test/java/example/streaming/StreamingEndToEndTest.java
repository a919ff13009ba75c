package example.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Response streaming end to end: the samples in {@code target/function}, the runtime's real bootstrap, the
 * emulator's Invoke API read over a socket as a caller reads a stream. This test JVM runs with a 96 MB heap
 * (surefire's argLine) and the runtime with 64 MB ({@code LAMBDA_BRIDGE_JVM_OPTS=-Xmx64m}): a 150 MB response
 * held whole by either side would fail with an OutOfMemoryError.
 */
@Tag("slow")
class StreamingEndToEndTest {
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static Emulator emulator;

    @BeforeAll
    static void hostTheSamples() {
        Path bootstrap = Path.of(System.getProperty("lambdabridge.bootstrap"));
        Path function = Path.of(System.getProperty("samples.function"));
        assertTrue(Files.isExecutable(bootstrap), "no runtime bootstrap at " + bootstrap + ": build runtime/core first");
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG::add));
        Map<String, String> smallHeap = Map.of("LAMBDA_BRIDGE_JVM_OPTS", "-Xmx64m");
        emulator.addFunction(new FunctionConfig("report", "example.streaming.CsvReportHandler", function,
                Duration.ofSeconds(90), 512, smallHeap, List.of(bootstrap.toString())));
        emulator.addFunction(new FunctionConfig("failing", "example.streaming.FailingReportHandler::handleRequest",
                function, Duration.ofSeconds(30), 512, smallHeap, List.of(bootstrap.toString())));
        emulator.addFunction(new FunctionConfig("slow", "example.streaming.CsvReportHandler", function,
                Duration.ofSeconds(2), 512, Map.of(), List.of(bootstrap.toString())));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static StreamedHttpResponse invoke(String function, String event, java.util.function.Consumer<byte[]> chunks)
            throws Exception {
        return StreamedHttpResponse.post("127.0.0.1", emulator.invokePort(),
                "/2015-03-31/functions/" + function + "/invocations", event.getBytes(StandardCharsets.UTF_8), chunks);
    }

    /** The CRC of the report the sample makes for {@code rows} rows, and its length. */
    private static long[] expectedReport(long rows) {
        CRC32 crc = new CRC32();
        long length = 0;
        byte[] header = CsvRows.HEADER.getBytes(StandardCharsets.US_ASCII);
        crc.update(header);
        length += header.length;
        for (long id = 0; id < rows; id++) {
            byte[] row = CsvRows.row(id).getBytes(StandardCharsets.US_ASCII);
            crc.update(row);
            length += row.length;
        }
        return new long[] {crc.getValue(), length};
    }

    @Test
    void firstBytesArriveLongBeforeTheHandlerFinishes() throws Exception {
        invoke("report", "{\"rows\": 10}", chunk -> { }); // the cold start is not what this measures
        CRC32 crc = new CRC32();
        StreamedHttpResponse response = invoke("report", "{\"rows\": 20000, \"flushEvery\": 1000, \"pauseMs\": 100}",
                crc::update);
        assertEquals(200, response.status());
        assertEquals("text/csv", response.headers().get("content-type"));
        assertEquals("chunked", response.headers().get("transfer-encoding"));
        long[] expected = expectedReport(20000);
        assertEquals(expected[1], response.bodyBytes());
        assertEquals(expected[0], crc.getValue(), "the report's bytes differ from what the handler generated");
        double firstMs = response.nanosToFirstByte() / 1e6;
        double totalMs = response.nanosTotal() / 1e6;
        // 20 batches with a 100 ms pause after each: the total is at least 2 s, the first batch is out at once
        assertTrue(totalMs >= 2000, "total " + totalMs + " ms");
        assertTrue(firstMs < totalMs / 5, "first byte after " + firstMs + " ms of " + totalMs + " ms");
        assertNull(response.trailers().get("x-amz-function-error"), "trailers: " + response.trailers());
    }

    @Test
    void aFailureAfterTheFirstBytesReachesTheCallerAsTheTrailerError() throws Exception {
        StreamedHttpResponse response = invoke("failing", "{\"rows\": 2000}", chunk -> { });
        assertEquals(200, response.status());
        assertEquals(expectedReport(1000)[1], response.bodyBytes(), "the rows sent before the failure");
        Map<String, String> trailers = response.trailers();
        assertEquals("Unhandled", trailers.get("x-amz-function-error"), "trailers: " + trailers);
        assertEquals("Runtime.UserException", trailers.get("lambda-runtime-function-error-type"));
        String error = new String(Base64.getDecoder().decode(trailers.get("lambda-runtime-function-error-body")),
                StandardCharsets.UTF_8);
        assertTrue(error.contains("\"errorType\":\"java.lang.IllegalStateException\""), error);
        assertTrue(error.contains("report source went away after row 1000 of 2000"), error);
        // and the function still works afterwards
        StreamedHttpResponse next = invoke("report", "{\"rows\": 3}", chunk -> { });
        assertEquals(expectedReport(3)[1], next.bodyBytes());
    }

    @Test
    void a150MegabyteStreamFlowsThroughSmallHeaps() throws Exception {
        long rows = 4_100_000;
        long[] expected = expectedReport(rows);
        assertTrue(expected[1] > 150_000_000L, "the report is only " + expected[1] + " bytes");
        CRC32 crc = new CRC32();
        LOG.clear();
        StreamedHttpResponse response = invoke("report", "{\"rows\": " + rows + ", \"flushEvery\": 50000}",
                crc::update);
        assertEquals(expected[1], response.bodyBytes());
        assertEquals(expected[0], crc.getValue());
        assertNull(response.trailers().get("x-amz-function-error"), "trailers: " + response.trailers());
        String report = LOG.stream().filter(line -> line.startsWith("REPORT")).reduce((a, b) -> b).orElseThrow();
        int used = Integer.parseInt(report.replaceAll(".*Max Memory Used: (\\d+) MB.*", "$1"));
        assertTrue(used < 150, "the runtime's peak RSS was " + used + " MB for a " + expected[1] / 1_000_000
                + " MB response: " + report);
    }

    @Test
    void overTwoHundredMegabytesTheStreamEndsWithTheSizeError() throws Exception {
        long rows = 5_800_000; // about 219 MB
        StreamedHttpResponse response = invoke("report", "{\"rows\": " + rows + ", \"flushEvery\": 100000}",
                chunk -> { });
        assertTrue(response.bodyBytes() <= 200L * 1024 * 1024, response.bodyBytes() + " bytes passed");
        Map<String, String> trailers = response.trailers();
        assertEquals("Function.ResponseSizeTooLarge", trailers.get("lambda-runtime-function-error-type"),
                "trailers: " + trailers);
        String error = new String(Base64.getDecoder().decode(trailers.get("lambda-runtime-function-error-body")),
                StandardCharsets.UTF_8);
        assertTrue(error.contains("Response payload size exceeded maximum allowed payload size (209715200 bytes)."),
                error);
    }

    @Test
    void aTimeoutMidStreamEndsTheCallersStreamWithTheTimeoutError() throws Exception {
        // 10 rows every 500 ms, 100 rows: the 2 s timeout strikes after the first batches were sent
        StreamedHttpResponse response = invoke("slow", "{\"rows\": 100, \"flushEvery\": 10, \"pauseMs\": 500}",
                chunk -> { });
        assertEquals(200, response.status());
        assertTrue(response.bodyStart().startsWith(CsvRows.HEADER + CsvRows.row(0)), response.bodyStart());
        assertTrue(response.bodyBytes() < expectedReport(100)[1], "the whole report arrived: " + response.bodyBytes());
        Map<String, String> trailers = response.trailers();
        assertEquals("Sandbox.Timedout", trailers.get("lambda-runtime-function-error-type"), "trailers: " + trailers);
        String error = new String(Base64.getDecoder().decode(trailers.get("lambda-runtime-function-error-body")),
                StandardCharsets.UTF_8);
        assertTrue(error.contains("Task timed out after 2.00 seconds"), error);
        // a new runtime serves the next invocation
        assertEquals(expectedReport(3)[1], invoke("slow", "{\"rows\": 3}", chunk -> { }).bodyBytes());
    }

    @Test
    void theHttpIntegrationFormCarriesItsPreludeAndEightNulBytes() throws Exception {
        StreamedHttpResponse response = invoke("report", "{\"rows\": 3, \"http\": true}", chunk -> { });
        assertEquals("application/vnd.awslambda.http-integration-response", response.headers().get("content-type"));
        String body = response.bodyStart();
        int nul = body.indexOf("\0\0\0\0\0\0\0\0");
        assertTrue(nul > 0, body);
        String prelude = body.substring(0, nul);
        assertTrue(prelude.startsWith("{\"statusCode\":200,\"headers\":{"), prelude);
        assertTrue(prelude.contains("\"Content-Type\":\"text/csv\""), prelude);
        assertTrue(prelude.endsWith("\"cookies\":[\"report=generated\"]}"), prelude);
        assertEquals(CsvRows.HEADER + CsvRows.row(0) + CsvRows.row(1) + CsvRows.row(2), body.substring(nul + 8));
    }
}
