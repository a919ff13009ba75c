package dev.lambdabridge.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request ids answered lately, so that a second answer for one gets Lambda's 403 "already answered" rather
 * than 400 "unknown id". Bounded: the oldest are forgotten. Guarded by the function's lock.
 */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(String requestId) {
        ids.put(requestId, Boolean.TRUE);
    }

    boolean contains(String requestId) {
        return ids.containsKey(requestId);
    }
}
