package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS event source: logs each message's id and body and reports no failures (an empty
 * {@code batchItemFailures} list, as a function with {@code ReportBatchItemFailures} does when all went well).
 */
public class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LambdaLogger logger = context.getLogger();
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : messages) {
            logger.log("message " + message.getMessageId() + ": " + message.getBody());
        }
        logger.log("processed " + messages.size() + " messages");
        return new SQSBatchResponse(new ArrayList<>());
    }
}
