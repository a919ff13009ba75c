package example.apps.ddbstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import example.apps.testing.CapturingContext;
import example.apps.testing.EventFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamProcessorHandlerTest {
    private final StreamProcessorHandler handler = new StreamProcessorHandler();
    private final CapturingContext context = new CapturingContext();

    @Test
    void theSharedFixtureIsLoggedRecordByRecordAndCounted() {
        DynamodbEvent event = DynamodbEvents.parse(EventFiles.read(EventFiles.awsFixture("ddb/dynamo_event.json")));
        StreamSummary summary = handler.handleRequest(event, context);
        assertEquals(new StreamSummary(3, Map.of("INSERT", 1, "MODIFY", 1, "REMOVE", 1)), summary);
        assertEquals(List.of(
                "record c4ca4238a0b923820dcc509a6f75849b INSERT keys={\"Id\":101} new={\"Message\":\"New item!\",\"Id\":101} old=null",
                "record c81e728d9d4c2f636f067f89cc14862c MODIFY keys={\"Id\":101} new={\"Message\":\"This item has changed\",\"Id\":101} old={\"Message\":\"New item!\",\"Id\":101}",
                "record eccbc87e4b5ce2fe28308fd9f2a7baf3 REMOVE keys={\"Id\":101} new=null old={\"Message\":\"This item has changed\",\"Id\":101}",
                "processed 3 records (INSERT 1, MODIFY 1, REMOVE 1)"), context.lines());
    }

    @Test
    void nestedListsMapsSetsAndExactNumbersAreReadable() {
        DynamodbEvent event = DynamodbEvents.parse(EventFiles.moduleEvent("orders-stream.json"));
        assertEquals(new StreamSummary(2, Map.of("INSERT", 1, "MODIFY", 1)), handler.handleRequest(event, context));
        assertEquals("record 5b0f1e6ab0f34c6e9a3c1f2d7e8a9b01 INSERT keys={\"OrderId\":\"order-1001\"} "
                + "new={\"OrderId\":\"order-1001\",\"Customer\":\"Ada Lovelace\",\"Total\":42.50,\"Paid\":false,"
                + "\"Items\":[{\"Sku\":\"engine-1\",\"Qty\":1}],\"Tags\":[\"gift\",\"priority\"]} old=null",
                context.lines().getFirst());
    }

    @Test
    void binaryNullAndNumberSetsAreShownToo() {
        Map<String, AttributeValue> image = new java.util.LinkedHashMap<>();
        image.put("Blob", new AttributeValue().withB(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8))));
        image.put("Nothing", new AttributeValue().withNULL(true));
        image.put("Scores", new AttributeValue().withNS("1", "2.5"));
        assertEquals("{\"Blob\":\"aGk=\",\"Nothing\":null,\"Scores\":[1,2.5]}", ItemImages.toJson(image).toString());
    }

    @Test
    void anEventWithoutRecordsIsABatchOfZero() {
        assertEquals(new StreamSummary(0, Map.of()), handler.handleRequest(new DynamodbEvent(), context));
        assertEquals(List.of("processed 0 records"), context.lines());
    }
}
