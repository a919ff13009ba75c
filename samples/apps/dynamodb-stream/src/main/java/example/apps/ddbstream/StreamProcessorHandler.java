package example.apps.ddbstream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DynamoDB stream's event source: logs each record (event id, event name, keys, new and old item images) through
 * the Lambda logger, then {@code processed N records (INSERT a, MODIFY b, REMOVE c)}, and returns the same counts.
 * An event without records (a test invoke) is a batch of 0.
 */
public class StreamProcessorHandler implements RequestHandler<DynamodbEvent, StreamSummary> {

    @Override
    public StreamSummary handleRequest(DynamodbEvent event, Context context) {
        LambdaLogger log = context.getLogger();
        List<DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        Map<String, Integer> byEventName = new TreeMap<>();
        for (DynamodbStreamRecord record : records) {
            log.log(StreamRecordLine.of(record));
            byEventName.merge(String.valueOf(record.getEventName()), 1, Integer::sum);
        }
        StringBuilder counts = new StringBuilder();
        byEventName.forEach((name, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(name).append(' ').append(n));
        log.log("processed " + records.size() + " records" + (counts.isEmpty() ? "" : " (" + counts + ")"));
        return new StreamSummary(records.size(), byEventName);
    }
}
