package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.errors.GuestError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerPayloadsTest {

    private static GuestError error(String payload) {
        return WorkerPayloads.handlerError(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorFrameKeepsItsTypeMessageAndStackTrace() {
        GuestError e = error("{\"errorMessage\":\"boom\",\"errorType\":\"ValueError\",\"stackTrace\":[\"  File \\\"app.py\\\"\"]}");
        assertEquals("ValueError", e.errorType());
        assertEquals(List.of("  File \"app.py\""), e.errorStackTrace());
        assertEquals("{\"errorMessage\":\"boom\",\"errorType\":\"ValueError\",\"stackTrace\":[\"  File \\\"app.py\\\"\"]}",
                ErrorReports.toPayload(e).json());
    }

    @Test
    void stackLinesSentUnderTraceStayUnderTrace() {
        // the Node.js shim's key, as AWS's Node.js runtime names it
        GuestError e = error("{\"errorType\":\"TypeError\",\"errorMessage\":\"bad\",\"trace\":[\"TypeError: bad\"]}");
        assertEquals("{\"errorMessage\":\"bad\",\"errorType\":\"TypeError\",\"trace\":[\"TypeError: bad\"]}",
                ErrorReports.toPayload(e).json());
    }

    @Test
    void anErrorFrameThatIsNotAnObjectSaysSoWithItsBytes() {
        GuestError e = error("[1,2]");
        assertEquals(ProcessErrorTypes.WORKER_HANDLER_ERROR, e.errorType());
        assertEquals("The worker answered ERROR with a payload that is not a JSON object "
                + "{\"errorMessage\",\"errorType\",\"stackTrace\"}: \"[1,2]\"", e.getMessage());
    }
}
