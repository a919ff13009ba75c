package example.ops.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run did, published as one SNS message: every instance stopped or terminated, and every tag created. */
public final class PolicyReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String vpcId;
    private final Instant checkedAt;
    private final List<Map<String, Object>> actions = new ArrayList<>();
    private int instancesChecked;

    public PolicyReport(String vpcId, Instant checkedAt) {
        this.vpcId = vpcId;
        this.checkedAt = checkedAt;
    }

    public void checked(int instances) {
        instancesChecked += instances;
    }

    public void untagged(String instanceId, UntaggedAction action) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("instanceId", instanceId);
        entry.put("action", action.reported());
        entry.put("reason", "the instance has no tags");
        actions.add(entry);
    }

    public void tagged(String instanceId, TagPlan plan) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("instanceId", instanceId);
        entry.put("action", "tagged");
        entry.put("tags", plan.tags());
        entry.put("missingRequired", plan.missingRequired());
        actions.add(entry);
    }

    public String subject() {
        return "Tagging policy: " + actions.size() + " action" + (actions.size() == 1 ? "" : "s") + " in " + vpcId;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("vpcId", vpcId);
        map.put("checkedAt", checkedAt.toString());
        map.put("instancesChecked", instancesChecked);
        map.put("actions", List.copyOf(actions));
        return map;
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tagging report", e);
        }
    }
}
