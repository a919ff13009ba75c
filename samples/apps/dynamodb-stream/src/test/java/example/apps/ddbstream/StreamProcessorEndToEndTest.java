package example.apps.ddbstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import example.apps.testing.EventFiles;
import example.apps.testing.HostedFunctions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stream processor through the emulator and the runtime's real bootstrap, with the shared DynamoDB stream
 * fixture: the runtime deserializes it into the function's own DynamodbEvent, and the log shows every record.
 */
@Tag("slow")
class StreamProcessorEndToEndTest {
    private static HostedFunctions functions;

    @BeforeAll
    static void start() {
        functions = HostedFunctions.start().add("dynamodb-stream",
                "example.apps.ddbstream.StreamProcessorHandler::handleRequest", Map.of());
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
    }

    @Test
    void theFixtureIsLoggedAndCounted() {
        JsonNode summary = functions.invokeOk("dynamodb-stream",
                EventFiles.read(EventFiles.awsFixture("ddb/dynamo_event.json")));
        assertEquals(3, summary.path("records").asInt(), summary.toString());
        assertEquals(1, summary.path("byEventName").path("REMOVE").asInt(), summary.toString());
        assertTrue(functions.log().contains("record c81e728d9d4c2f636f067f89cc14862c MODIFY keys={\"Id\":101} "
                + "new={\"Message\":\"This item has changed\",\"Id\":101} old={\"Message\":\"New item!\",\"Id\":101}"),
                functions.logText());
        assertTrue(functions.log().contains("processed 3 records (INSERT 1, MODIFY 1, REMOVE 1)"), functions.logText());
    }

    @Test
    void aBadlyTypedRecordFailsTheBatchAndTheNextBatchStillWorks() {
        JsonNode error = functions.invokeFailing("dynamodb-stream",
                "{\"Records\": [{\"eventID\": \"x\", \"eventName\": \"INSERT\", \"dynamodb\": {\"NewImage\": "
                        + "{\"Total\": {\"N\": \"not-a-number\"}}}}]}");
        assertEquals("java.lang.NumberFormatException", error.path("errorType").asText(), error.toString());
        JsonNode summary = functions.invokeOk("dynamodb-stream", EventFiles.moduleEvent("orders-stream.json"));
        assertEquals(2, summary.path("records").asInt(), summary.toString());
    }
}
