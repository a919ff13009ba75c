package example.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.features.LoggingHandler;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * The emulator's InvokeWithResponseStream as the AWS SDK v2 calls it ({@code LambdaAsyncClient}, Netty): the
 * streamed samples arrive as PayloadChunk events and end with InvokeComplete, a mid-stream failure in its
 * ErrorCode and ErrorDetails, and a buffered function as one chunk.
 */
@Tag("slow")
class InvokeWithResponseStreamTest {
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static Emulator emulator;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() throws Exception {
        List<String> bootstrap = List.of(System.getProperty("lambdabridge.bootstrap"));
        Path function = Path.of(System.getProperty("samples.function"));
        Path testClasses = Path.of(LoggingHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG::add));
        emulator.addFunction(new FunctionConfig("report", "example.streaming.CsvReportHandler", function,
                Duration.ofSeconds(30), 512, Map.of(), bootstrap));
        emulator.addFunction(new FunctionConfig("failing", "example.streaming.FailingReportHandler", function,
                Duration.ofSeconds(30), 512, Map.of(), bootstrap));
        emulator.addFunction(new FunctionConfig("buffered", LoggingHandler.class.getName(), testClasses,
                Duration.ofSeconds(30), 512, Map.of(), bootstrap));
        lambda = LambdaAsyncClient.builder().endpointOverride(URI.create(emulator.invokeEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private record Streamed(List<byte[]> chunks, InvokeWithResponseStreamCompleteEvent complete) {
        String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Streamed invoke(String function, String event) {
        List<byte[]> chunks = new CopyOnWriteArrayList<>();
        AtomicReference<InvokeWithResponseStreamCompleteEvent> complete = new AtomicReference<>();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(chunk -> chunks.add(chunk.payload().asByteArray()))
                        .onInvokeComplete(complete::set).build())
                .build();
        lambda.invokeWithResponseStream(InvokeWithResponseStreamRequest.builder().functionName(function)
                .payload(SdkBytes.fromUtf8String(event)).build(), handler).join();
        return new Streamed(chunks, complete.get());
    }

    @Test
    void aStreamedReportArrivesAsPayloadChunksThenInvokeComplete() {
        Streamed streamed = invoke("report", "{\"rows\": 2000, \"flushEvery\": 200}");
        StringBuilder expected = new StringBuilder(CsvRows.HEADER);
        for (int id = 0; id < 2000; id++) {
            expected.append(CsvRows.row(id));
        }
        assertEquals(expected.toString(), streamed.text());
        assertTrue(streamed.chunks().size() >= 10, "flushed every 200 rows, got " + streamed.chunks().size()
                + " chunks");
        assertTrue(streamed.complete() != null, "no InvokeComplete event");
        assertNull(streamed.complete().errorCode(), streamed.complete().toString());
    }

    @Test
    void aMidStreamFailureIsTheInvokeCompleteError() {
        Streamed streamed = invoke("failing", "{\"rows\": 100}");
        assertTrue(streamed.text().startsWith(CsvRows.HEADER + CsvRows.row(0)), streamed.text());
        assertEquals("Runtime.UserException", streamed.complete().errorCode());
        assertTrue(streamed.complete().errorDetails().contains("report source went away after row 50 of 100"),
                streamed.complete().errorDetails());
    }

    @Test
    void aBufferedResponseIsOneChunk() {
        Streamed streamed = invoke("buffered", "{}");
        assertEquals(1, streamed.chunks().size());
        assertEquals("\"ok\"", streamed.text());
        assertNull(streamed.complete().errorCode());
    }
}
