package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdabridge.emulator.testing.Fakes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's Lambda API as boto3 (Debian's python3-boto3 1.26.27, botocore 1.29.27) and the AWS CLI v2
 * (Debian's awscli 2.9.19) see it: the exact error codes, messages and fields of issue 15's list
 * ({@code src/test/clients}: the calls; here: what they must report). Both are pinned in scripts/lib/packages.sh.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsClientsTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:012345678912:function:echo";
    private Emulator emulator;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(Fakes.function("echo", "echo"));
        emulator.addFunction(Fakes.function("zulu", "echo"));
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "still running: " + command);
        assertEquals(0, process.exitValue(), command + " failed:\n" + output);
        return output;
    }

    @Test
    void boto3ReportsLambdasCodesAndFields() throws Exception {
        String output = run(List.of("/usr/bin/python3", Path.of("src/test/clients/boto3_checks.py").toString(),
                emulator.invokeEndpoint(), "echo"));
        JsonNode seen = TelemetrySubscription.JSON.readTree(output.substring(output.lastIndexOf("\n{") + 1));

        assertEquals(200, seen.path("sync").path("status").asInt());
        assertEquals("$LATEST", seen.path("sync").path("executedVersion").asText());
        assertEquals("{\"boto3\":true}", seen.path("sync").path("payload").asText());
        assertEquals(202, seen.path("event").path("status").asInt(), "300 KB: over the old 256 KB, under 1 MB");
        assertTrue(seen.path("event").path("executedVersion").isNull(), seen.path("event").toString());
        assertEquals(204, seen.path("dryRun").path("status").asInt());
        assertTrue(seen.path("dryRun").path("executedVersion").isNull(), seen.path("dryRun").toString());

        assertError(seen.path("syncTooLarge"), 413, "RequestEntityTooLargeException",
                "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        assertError(seen.path("eventTooLarge"), 413, "RequestEntityTooLargeException",
                "1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
        assertError(seen.path("unknownQualifier"), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + ":nosuchalias");
        assertError(seen.path("qualifiedName"), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + ":nosuchalias");
        assertError(seen.path("unknownFunction"), 404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:012345678912:function:nope");
        assertEquals("InvalidRequestContentException", seen.path("notJson").path("code").asText());

        assertEquals("[[\"echo\"],[\"zulu\"]]", seen.path("listPages").toString(), "paged by Marker, one a page");
        assertEquals("[\"echo\",\"zulu\"]", seen.path("listOnce").toString());
        assertEquals("{\"FunctionName\":\"echo\",\"FunctionArn\":\"" + ARN + "\",\"Runtime\":\"provided.al2023\","
                + "\"Handler\":\"fake.Handler::handle\",\"Timeout\":3,\"MemorySize\":512,\"Version\":\"$LATEST\","
                + "\"State\":\"Active\"}", seen.path("getFunction").toString());
        assertEquals(ARN, seen.path("getConfiguration").asText());
    }

    private static void assertError(JsonNode error, int status, String code, String message) {
        assertEquals(status, error.path("status").asInt(), error.toString());
        assertEquals(code, error.path("code").asText(), error.toString());
        assertEquals(message, error.path("message").asText(), error.toString());
    }

    @Test
    void theAwsCliReportsLambdasCodesAndFields(@TempDir Path work) throws Exception {
        String output = run(List.of("/bin/sh", Path.of("src/test/clients/cli_checks.sh").toString(),
                emulator.invokeEndpoint(), "echo", work.toString()));
        String compact = output.replaceAll("\\s+", " ");

        assertTrue(compact.contains("sync exit=0 { \"StatusCode\": 200, \"ExecutedVersion\": \"$LATEST\" } "
                + "payload {\"cli\":true}"), output);
        assertTrue(compact.contains("event exit=0 { \"StatusCode\": 202 } "), "an Event answer has no "
                + "ExecutedVersion:\n" + output);
        assertTrue(compact.contains("tooLarge exit=254 An error occurred (RequestEntityTooLargeException) when "
                + "calling the Invoke operation: Request must be smaller than 6291456 bytes for the InvokeFunction "
                + "operation"), output);
        assertTrue(compact.contains("qualifier exit=254 An error occurred (ResourceNotFoundException) when calling "
                + "the Invoke operation: Function not found: " + ARN + ":nosuchalias"), output);
        assertTrue(compact.contains("list exit=0 [ \"echo\", \"zulu\" ] "), output);
        assertTrue(compact.contains("get exit=0 [ \"echo\", \"provided.al2023\", \"$LATEST\", \"Active\" ]"), output);
    }
}
