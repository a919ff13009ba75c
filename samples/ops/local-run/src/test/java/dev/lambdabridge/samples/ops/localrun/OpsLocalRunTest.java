package dev.lambdabridge.samples.ops.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OpsLocalRunTest {
    @Test
    void placeholdersAreFilledAndUnknownOnesNamed() {
        assertEquals("arn:x/q", FunctionsFile.fill("${A}/q", Map.of("A", "arn:x"), "f"));
        assertEquals("approval-worker: env ACTIVITY_ARN: unknown placeholder ${ACTIVTY_ARN} (known: [A, B])",
                assertThrows(IllegalArgumentException.class, () -> FunctionsFile.fill("${ACTIVTY_ARN}",
                        Map.of("B", "2", "A", "1"), "approval-worker: env ACTIVITY_ARN")).getMessage());
    }

    /** samples/ops/functions.json as a person runs it: every function succeeds and the services show the effects. */
    @Test
    @Tag("slow")
    void runsEveryFunctionOfTheOpsFunctionsFile() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = OpsLocalRun.run(Path.of(System.getProperty("ops.functions")),
                Path.of(System.getProperty("lambdabridge.bootstrap")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        assertTrue(out.contains("\"status\":\"approval requested\""), out);
        assertTrue(out.contains("SES mail to [\"boss@example.com\"]: Your approval is needed for Ada Lovelace"), out);
        assertTrue(out.contains("\\\"errorType\\\":\\\"ValidationException\\\""), out);
        assertTrue(out.contains("SNS tagging report: Tagging policy: 2 actions in vpc-0a1b2c3d"), out);
        assertTrue(out.contains("WireMock (EC2, CloudTrail): TerminateInstances"), out);
        assertTrue(out.contains("WireMock (EC2, CloudTrail): CreateTags"), out);
        assertTrue(out.contains("SNS operations alert: Lambda crash: request 7a1b2c3d-0000-4e5f-8a9b-000000000001"), out);
        assertTrue(out.contains("SNS operations alert: Lambda misconfiguration"), out);
        assertTrue(out.contains("SQS retry queue: 2 message(s)"), out);
        assertTrue(out.contains("all 5 functions succeeded"), out);
    }
}
