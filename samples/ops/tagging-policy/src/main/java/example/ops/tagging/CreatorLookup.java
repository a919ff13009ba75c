package example.ops.tagging;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * Who launched an instance: the user of CloudTrail's {@code RunInstances} event for it ({@code LookupEvents} by
 * resource name; CloudTrail takes one lookup attribute, so the event name is matched here), or
 * {@value #UNDEFINED} when CloudTrail has none (it keeps 90 days of management events).
 */
public final class CreatorLookup {
    public static final String UNDEFINED = "Undefined";

    private final CloudTrailClient cloudTrail;

    public CreatorLookup(CloudTrailClient cloudTrail) {
        this.cloudTrail = cloudTrail;
    }

    public String creatorOf(String instanceId) {
        return cloudTrail.lookupEventsPaginator(b -> b.lookupAttributes(a -> a
                        .attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(instanceId)))
                .events().stream()
                .filter(e -> "RunInstances".equals(e.eventName()))
                .map(Event::username)
                .filter(u -> u != null && !u.isBlank())
                .findFirst()
                .orElse(UNDEFINED);
    }
}
