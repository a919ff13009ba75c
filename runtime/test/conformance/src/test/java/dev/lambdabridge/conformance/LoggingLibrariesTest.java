package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.LogType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging libraries' Lambda integrations, samples/frameworks/log4j2 and samples/frameworks/powertools-logging, under
 * lambda-bridge and AWS's runtime interface client 2.10.1: the same log lines (request ids, trace ids and
 * timestamps masked, see {@link LogLines}) and the same results, in TEXT and JSON and with several loops.
 */
@Tag("slow")
class LoggingLibrariesTest {
    private static BothRuntimes runtimes;

    @BeforeAll
    static void start() {
        runtimes = new BothRuntimes();
    }

    @AfterAll
    static void stop() {
        runtimes.close();
    }

    private static BothRuntimes.Function log4j2(String format) {
        return BothRuntimes.Function.framework("log4j2-" + format, FrameworkSamples.function("log4j2"),
                "example.frameworks.log4j2.OrderHandler::handleRequest", Map.of("AWS_LAMBDA_LOG_FORMAT", format));
    }

    private static BothRuntimes.Function powertools() {
        return BothRuntimes.Function.framework("powertools", FrameworkSamples.function("powertools-logging"),
                "example.frameworks.powertools.PaymentHandler::handleRequest", Map.of("POWERTOOLS_SERVICE_NAME", "payments"));
    }

    /** Invokes twice (a cold and a warm invocation); returns the second one's log lines, checked equal. */
    private static List<String> assertSameLogs(BothRuntimes.Function function, String event) {
        List<String> lines = null;
        for (int i = 0; i < 2; i++) {
            BothRuntimes.Pair pair = runtimes.invoke(function, InvokeRequest.of(event).withLogType(LogType.TAIL));
            String context = function + "\n--- log ---\n" + runtimes.logText();
            assertEquals(pair.aws().payloadText(), pair.bridge().payloadText(), context);
            assertEquals(pair.aws().functionError(), pair.bridge().functionError(), context);
            assertEquals(LogLines.of(pair.aws()), LogLines.of(pair.bridge()), context);
            lines = LogLines.of(pair.bridge());
        }
        return lines;
    }

    /** AWS's documented pattern, %X{AWSRequestId}: the client puts the request id in Log4j's ThreadContext. */
    @Test
    void log4j2LambdaAppenderText() {
        List<String> lines = assertSameLogs(log4j2("TEXT"), "{\"orderId\":\"o-1\",\"quantity\":12}");
        assertEquals(List.of("<timestamp> <request-id> INFO  OrderHandler - order o-1 received",
                "<timestamp> <request-id> WARN  OrderHandler - order o-1 is large: 12 items"), lines);
    }

    /** The library's JSON template: written as the layout makes it, the request id among its MDC labels. */
    @Test
    void log4j2LambdaAppenderJson() {
        List<String> lines = assertSameLogs(log4j2("JSON"), "{\"orderId\":\"o-2\",\"quantity\":1}");
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("{\"timestamp\":\"<timestamp>\",\"level\":\"INFO\",\"message\":\"order o-2 received\"")
                && lines.get(0).contains("\"AWSRequestId\":\"<request-id>\""), lines.get(0));
    }

    /**
     * Logback through SLF4J: AWS's client fills only Log4j's context maps, so a pattern's %X{AWSRequestId} stays
     * empty under it, and under lambda-bridge too.
     */
    @Test
    void logbackPatternWithTheRequestId() {
        List<String> lines = assertSameLogs(BothRuntimes.Function.framework("logback", FrameworkSamples.function("logback"),
                "example.frameworks.logback.ShipmentHandler::handleRequest", Map.of()), "{\"shipmentId\":\"s-1\"}");
        assertEquals(List.of("<timestamp> [] INFO  ShipmentHandler - shipment s-1 dispatched"), lines);
    }

    /** Powertools' JSON fields: request id, cold start, function name, and the trace id. */
    @Test
    void powertoolsLoggingFields() {
        List<String> lines = assertSameLogs(powertools(), "{\"paymentId\":\"p-1\"}");
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains("\"function_request_id\":\"<request-id>\"") && line.contains("\"cold_start\":false")
                && line.contains("\"xray_trace_id\":\"<trace-id>\"") && line.contains("\"service\":\"payments\""), line);
    }

    /** With several loops the trace id comes from the SDK's thread-local (no system property there). */
    @Test
    void powertoolsLoggingFieldsWithSeveralLoops() {
        List<String> lines = assertSameLogs(powertools().withMaxConcurrency(4), "{\"paymentId\":\"p-2\"}");
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"xray_trace_id\":\"<trace-id>\""), lines.get(0));
    }
}
