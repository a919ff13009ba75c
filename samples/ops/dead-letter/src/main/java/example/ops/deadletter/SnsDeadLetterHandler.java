package example.ops.deadletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import example.ops.support.Environment;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter processor for a function whose dead-letter target is an SNS topic: classifies and routes each
 * notification ({@link FailureRouter}). A notification without Lambda's attributes is refused as a whole, before
 * anything is routed: SNS then retries the delivery, and it can be seen in this function's own failures.
 *
 * <p>Environment: {@code RETRY_QUEUE_URL}, {@code OPERATIONS_TOPIC_ARN}, {@code RETRY_PIECE_SIZE} (optional).
 */
public class SnsDeadLetterHandler implements RequestHandler<SNSEvent, Map<String, Object>> {
    private final FailureRouter router;

    public SnsDeadLetterHandler() {
        this(FailureRouter.fromEnvironment(Environment.system()));
    }

    SnsDeadLetterHandler(FailureRouter router) {
        this.router = router;
    }

    @Override
    public Map<String, Object> handleRequest(SNSEvent event, Context context) {
        if (event == null || event.getRecords() == null) {
            throw new IllegalArgumentException("not an SNS event: no Records");
        }
        List<FailureNotice> notices = event.getRecords().stream().map(SnsDeadLetterHandler::notice).toList();
        List<Map<String, String>> routed = notices.stream().map(router::route).peek(r -> context.getLogger()
                .log(r.toString())).map(Routing::toMap).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("routed", routed);
        return result;
    }

    private static FailureNotice notice(SNSEvent.SNSRecord record) {
        SNSEvent.SNS sns = record.getSNS();
        String source = "SNS message " + (sns == null ? "(none)" : sns.getMessageId());
        if (sns == null) {
            throw new IllegalArgumentException(source + ": the record has no Sns object");
        }
        Map<String, String> attributes = new HashMap<>();
        if (sns.getMessageAttributes() != null) {
            sns.getMessageAttributes().forEach((name, value) -> attributes.put(name, value.getValue()));
        }
        return FailureNotice.of(source, attributes, sns.getMessage());
    }
}
