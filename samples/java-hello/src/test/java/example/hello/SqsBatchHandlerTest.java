package example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsBatchHandlerTest {

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }

    @Test
    void logsEachMessageAndReportsNoFailures() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", "first"), message("m-2", "second")));
        TestContext context = new TestContext();

        SQSBatchResponse response = new SqsBatchHandler().handleRequest(event, context);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("message m-1: first", "message m-2: second", "processed 2 messages"), context.lines);
    }

    @Test
    void anEventWithoutRecordsIsAnEmptyBatch() {
        TestContext context = new TestContext();
        SQSBatchResponse response = new SqsBatchHandler().handleRequest(new SQSEvent(), context);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("processed 0 messages"), context.lines);
    }
}
