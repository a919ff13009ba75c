package example.ops.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the state machine asks approval for: the task input's {@code managerEmailAddress} and {@code employeeName}. */
public record ApprovalRequest(String managerEmailAddress, String employeeName) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses an activity task's input; an error names the missing or invalid field and shows the input. */
    public static ApprovalRequest fromTaskInput(String input) {
        JsonNode node;
        try {
            node = JSON.readTree(input == null ? "" : input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the task input is not JSON: " + abbreviate(input), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the task input is not a JSON object: " + abbreviate(input));
        }
        String email = text(node, "managerEmailAddress", input);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("managerEmailAddress is not an e-mail address: \"" + email + "\"");
        }
        return new ApprovalRequest(email, text(node, "employeeName", input));
    }

    private static String text(JsonNode node, String field, String input) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("the task input has no " + field + " (a non-empty string): "
                    + abbreviate(input));
        }
        return value.asText().trim();
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
