package example.ops.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Rule parsing and the tags a plan creates: no AWS involved. */
class TagRulesTest {
    private static final TagFunctions FUNCTIONS =
            new TagFunctions(Clock.fixed(Instant.parse("2026-11-27T23:30:00Z"), ZoneOffset.UTC));
    private static final List<TagRule> RULES = List.of(
            TagRule.fromItem(item("1", "ProjectCode", "Update", "Y", "Proj007")),
            TagRule.fromItem(item("2", "CreatedBy", "UserLookup", "Y", null)),
            TagRule.fromItem(item("3", "Expires", "Function", "N", "today()")));

    @Test
    void parsesTheThreeRulesOfTheTable() {
        assertEquals(new TagRule(1, "ProjectCode", RuleAction.UPDATE, true, "Proj007"), RULES.get(0));
        assertEquals(new TagRule(2, "CreatedBy", RuleAction.USER_LOOKUP, true, null), RULES.get(1));
        assertEquals(new TagRule(3, "Expires", RuleAction.FUNCTION, false, "today()"), RULES.get(2));
    }

    @Test
    void badRulesNameTheRuleAndTheValue() {
        assertEquals("rule 4: unknown Action \"Delete\" (expected one of Update, UserLookup, Function)",
                assertThrows(IllegalArgumentException.class,
                        () -> TagRule.fromItem(item("4", "Owner", "Delete", "Y", "x"))).getMessage());
        assertEquals("rule 5: Required must be Y or N, not \"yes\"", assertThrows(IllegalArgumentException.class,
                () -> TagRule.fromItem(item("5", "Owner", "Update", "yes", "x"))).getMessage());
        assertEquals("rule 6: an Update rule needs a Default", assertThrows(IllegalArgumentException.class,
                () -> TagRule.fromItem(item("6", "Owner", "Update", "Y", null))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagRule.fromItem(Map.of("TagKey",
                AttributeValue.fromS("x")))).getMessage().startsWith("a tagging rule has no numeric RuleId"));
        assertEquals("rule 7: unknown function \"tomorrow()\" (known: today())",
                assertThrows(IllegalArgumentException.class, () -> FUNCTIONS.evaluate(
                        TagRule.fromItem(item("7", "Expires", "Function", "N", "tomorrow()")))).getMessage());
    }

    @Test
    void planFillsEveryMissingTagAndNamesTheRequiredOnes() {
        List<String> lookedUp = new ArrayList<>();
        TagPlan plan = TagPlan.of("i-1", Map.of("Name", "web"), RULES, id -> {
            lookedUp.add(id);
            return "alice";
        }, FUNCTIONS);
        assertEquals(Map.of("ProjectCode", "Proj007", "CreatedBy", "alice", "Expires", "2026-11-27"), plan.tags());
        assertEquals(List.of("ProjectCode", "CreatedBy"), plan.missingRequired());
        assertEquals(List.of("i-1"), lookedUp);
    }

    @Test
    void planLeavesPresentTagsAloneAndAsksCloudTrailOnlyWhenNeeded() {
        TagPlan plan = TagPlan.of("i-2", Map.of("CreatedBy", "bob", "ProjectCode", "Other"), RULES, id -> {
            throw new AssertionError("no lookup needed");
        }, FUNCTIONS);
        assertEquals(Map.of("Expires", "2026-11-27"), plan.tags());
        assertEquals(List.of(), plan.missingRequired());
        assertTrue(TagPlan.of("i-3", Map.of("CreatedBy", "b", "ProjectCode", "P", "Expires", "2027-01-01"), RULES,
                id -> "x", FUNCTIONS).isEmpty());
    }

    @Test
    void untaggedActionSetting() {
        assertEquals(UntaggedAction.STOP, UntaggedAction.parse("Stop"));
        assertEquals("expected terminate or stop",
                assertThrows(IllegalArgumentException.class, () -> UntaggedAction.parse("delete")).getMessage());
    }

    static Map<String, AttributeValue> item(String id, String key, String action, String required, String def) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("RuleId", AttributeValue.fromN(id));
        item.put("TagKey", AttributeValue.fromS(key));
        item.put("Action", AttributeValue.fromS(action));
        item.put("Required", AttributeValue.fromS(required));
        if (def != null) {
            item.put("Default", AttributeValue.fromS(def));
        }
        return item;
    }
}
