package example.apps.ddbstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;

/**
 * One stream record as one log line:
 * {@code record c81e728d... MODIFY keys={"Id":101} new={"Message":"This item has changed","Id":101} old={...}}.
 * A record of a KEYS_ONLY stream shows {@code new=null old=null}.
 */
public final class StreamRecordLine {
    private StreamRecordLine() {
    }

    public static String of(DynamodbStreamRecord record) {
        StreamRecord data = record.getDynamodb();
        return "record " + record.getEventID() + " " + record.getEventName()
                + " keys=" + (data == null ? "null" : ItemImages.toJson(data.getKeys()))
                + " new=" + (data == null ? "null" : ItemImages.toJson(data.getNewImage()))
                + " old=" + (data == null ? "null" : ItemImages.toJson(data.getOldImage()));
    }
}
