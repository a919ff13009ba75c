package example.apps.ddbstream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A stream record's item image (DynamoDB's typed attributes) as plain JSON for the log: {@code {"Id": {"N": "101"}}}
 * becomes {@code {"Id": 101}}. Numbers keep their exact digits, binary values are base64, sets become arrays.
 */
public final class ItemImages {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemImages() {
    }

    /** The image as a JSON object; a JSON null when the record has none (no NewImage on REMOVE, no OldImage on INSERT). */
    public static JsonNode toJson(Map<String, AttributeValue> image) {
        if (image == null) {
            return NODES.nullNode();
        }
        ObjectNode item = NODES.objectNode();
        image.forEach((name, value) -> item.set(name, value(value)));
        return item;
    }

    static JsonNode value(AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.getNULL())) {
            return NODES.nullNode();
        }
        if (value.getS() != null) {
            return NODES.textNode(value.getS());
        }
        if (value.getN() != null) {
            return NODES.numberNode(new BigDecimal(value.getN()));
        }
        if (value.getBOOL() != null) {
            return NODES.booleanNode(value.getBOOL());
        }
        if (value.getB() != null) {
            return NODES.textNode(base64(value.getB()));
        }
        if (value.getM() != null) {
            return toJson(value.getM());
        }
        if (value.getL() != null) {
            ArrayNode list = NODES.arrayNode();
            value.getL().forEach(element -> list.add(value(element)));
            return list;
        }
        if (value.getSS() != null) {
            return strings(value.getSS());
        }
        if (value.getNS() != null) {
            ArrayNode numbers = NODES.arrayNode();
            value.getNS().forEach(n -> numbers.add(new BigDecimal(n)));
            return numbers;
        }
        if (value.getBS() != null) {
            ArrayNode binaries = NODES.arrayNode();
            value.getBS().forEach(b -> binaries.add(base64(b)));
            return binaries;
        }
        return NODES.nullNode();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
