package example.ops.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

/** What was done with one notification, for the function's result and log. */
public record Routing(FailureNotice notice, FailureClass failureClass, String action) {
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("requestId", notice.requestId());
        map.put("class", failureClass.label());
        map.put("action", action);
        return map;
    }

    @Override
    public String toString() {
        return notice.source() + " (request " + notice.requestId() + ", " + failureClass.label() + "): " + action;
    }
}
