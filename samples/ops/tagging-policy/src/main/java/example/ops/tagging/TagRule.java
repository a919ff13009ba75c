package example.ops.tagging;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One tag policy, an item of table {@code acme_cloud_policy_tagging_def}: {@code RuleId} (N), {@code TagKey},
 * {@code Action} (Update, UserLookup, Function), {@code Required} (Y/N: whether a missing tag is a violation, reported
 * as such; every rule fills its tag when missing), {@code Default}.
 */
public record TagRule(int ruleId, String tagKey, RuleAction action, boolean required, String defaultValue) {

    /** Parses a table item; an error names the rule, the attribute and its value. */
    public static TagRule fromItem(Map<String, AttributeValue> item) {
        AttributeValue id = item.get("RuleId");
        if (id == null || id.n() == null) {
            throw new IllegalArgumentException("a tagging rule has no numeric RuleId: " + item);
        }
        int ruleId;
        try {
            ruleId = Integer.parseInt(id.n());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule RuleId \"" + id.n() + "\" is not an integer", e);
        }
        String where = "rule " + ruleId + ": ";
        String tagKey = string(item, "TagKey", where);
        if (tagKey == null || tagKey.isBlank()) {
            throw new IllegalArgumentException(where + "TagKey is missing");
        }
        RuleAction action;
        try {
            action = RuleAction.fromTable(string(item, "Action", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        String required = string(item, "Required", where);
        if (!"Y".equals(required) && !"N".equals(required)) {
            throw new IllegalArgumentException(where + "Required must be Y or N, not \"" + required + "\"");
        }
        String defaultValue = string(item, "Default", where);
        if (action != RuleAction.USER_LOOKUP && (defaultValue == null || defaultValue.isBlank())) {
            throw new IllegalArgumentException(where + "an " + action.tableValue() + " rule needs a Default");
        }
        return new TagRule(ruleId, tagKey, action, "Y".equals(required), defaultValue);
    }

    private static String string(Map<String, AttributeValue> item, String name, String where) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return null;
        }
        if (value.s() == null) {
            throw new IllegalArgumentException(where + name + " is not a string: " + value);
        }
        return value.s();
    }
}
