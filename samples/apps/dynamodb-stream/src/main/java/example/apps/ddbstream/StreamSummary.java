package example.apps.ddbstream;

import java.util.Map;

/**
 * What the processor returns: how many records the batch held, and how many of each event name
 * ({@code INSERT}, {@code MODIFY}, {@code REMOVE}).
 */
public record StreamSummary(int records, Map<String, Integer> byEventName) {
}
