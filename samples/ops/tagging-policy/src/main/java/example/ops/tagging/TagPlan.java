package example.ops.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tags one instance lacks under the rules, with their values, and the required ones among them.
 *
 * @param tags the tags to create, in rule order
 * @param missingRequired the keys of required rules the instance lacked
 */
public record TagPlan(Map<String, String> tags, List<String> missingRequired) {

    /**
     * Applies the rules (sorted by RuleId) to an instance's tags: each rule whose tag is missing contributes it.
     *
     * @param creatorOf who launched an instance (CloudTrail), asked only when a UserLookup rule needs it
     */
    public static TagPlan of(String instanceId, Map<String, String> current, List<TagRule> rules,
            Function<String, String> creatorOf, TagFunctions functions) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> missingRequired = new ArrayList<>();
        for (TagRule rule : rules) {
            if (current.containsKey(rule.tagKey()) || tags.containsKey(rule.tagKey())) {
                continue;
            }
            String value = switch (rule.action()) {
                case UPDATE -> rule.defaultValue();
                case USER_LOOKUP -> creatorOf.apply(instanceId);
                case FUNCTION -> functions.evaluate(rule);
            };
            tags.put(rule.tagKey(), value);
            if (rule.required()) {
                missingRequired.add(rule.tagKey());
            }
        }
        return new TagPlan(tags, missingRequired);
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }
}
