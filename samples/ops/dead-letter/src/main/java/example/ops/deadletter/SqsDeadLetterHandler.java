package example.ops.deadletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import example.ops.support.Environment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The dead-letter processor for a function whose dead-letter target is an SQS queue: classifies and routes each
 * message ({@link FailureRouter}) and answers with Lambda's partial batch response, so that only the messages it
 * could not handle (no Lambda attributes, or a routing that failed) go back to the queue, each named in the log
 * with the reason. The event source mapping needs {@code FunctionResponseTypes: [ReportBatchItemFailures]}.
 *
 * <p>Environment: {@code RETRY_QUEUE_URL}, {@code OPERATIONS_TOPIC_ARN}, {@code RETRY_PIECE_SIZE} (optional).
 */
public class SqsDeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final FailureRouter router;

    public SqsDeadLetterHandler() {
        this(FailureRouter.fromEnvironment(Environment.system()));
    }

    SqsDeadLetterHandler(FailureRouter router) {
        this.router = router;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (event == null || event.getRecords() == null) {
            throw new IllegalArgumentException("not an SQS event: no Records");
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                context.getLogger().log(router.route(notice(message)).toString());
            } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
                context.getLogger().log("SQS message " + message.getMessageId() + " goes back to the queue: "
                        + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static FailureNotice notice(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> attributes.put(name, value.getStringValue()));
        }
        return FailureNotice.of("SQS message " + message.getMessageId(), attributes, message.getBody());
    }
}
