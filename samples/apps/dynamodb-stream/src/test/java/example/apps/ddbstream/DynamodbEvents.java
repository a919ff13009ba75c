package example.apps.ddbstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A DynamoDB stream event read from JSON by AWS's own serializer, as the managed runtime and lambda-bridge do. */
final class DynamodbEvents {
    private DynamodbEvents() {
    }

    static DynamodbEvent parse(String json) {
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamodbEvents.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
