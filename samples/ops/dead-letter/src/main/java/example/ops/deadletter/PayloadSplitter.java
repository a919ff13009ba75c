package example.ops.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts the payload of a timed-out invocation into smaller ones, so that each can finish in time: a JSON array, or
 * an object with exactly one array field (e.g. {@code Records}), becomes pieces of at most {@code pieceSize}
 * elements (by default half of them, so that a piece that times out again is halved again), the other fields kept.
 * Anything else cannot be split.
 */
public final class PayloadSplitter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int pieceSize;

    /** @param pieceSize the largest piece, or 0 for halves */
    public PayloadSplitter(int pieceSize) {
        if (pieceSize < 0) {
            throw new IllegalArgumentException("a piece size cannot be negative: " + pieceSize);
        }
        this.pieceSize = pieceSize;
    }

    /** The pieces, or empty when the payload cannot be split (not JSON, no array, or one element only). */
    public Optional<List<String>> split(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root instanceof ArrayNode array) {
            return pieces(array).map(list -> list.stream().map(PayloadSplitter::write).toList());
        }
        if (root instanceof ObjectNode object) {
            String field = onlyArrayField(object);
            if (field == null) {
                return Optional.empty();
            }
            return pieces((ArrayNode) object.get(field)).map(list -> list.stream()
                    .map(piece -> write(object.deepCopy().set(field, piece))).toList());
        }
        return Optional.empty();
    }

    private Optional<List<ArrayNode>> pieces(ArrayNode array) {
        int n = array.size();
        if (n < 2) {
            return Optional.empty();
        }
        int size = pieceSize > 0 ? Math.min(pieceSize, n - 1) : (n + 1) / 2;
        List<ArrayNode> pieces = new ArrayList<>();
        for (int start = 0; start < n; start += size) {
            ArrayNode piece = JSON.createArrayNode();
            for (int i = start; i < Math.min(n, start + size); i++) {
                piece.add(array.get(i));
            }
            pieces.add(piece);
        }
        return Optional.of(pieces);
    }

    private static String onlyArrayField(ObjectNode object) {
        String found = null;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getValue().isArray()) {
                if (found != null) {
                    return null; // two arrays: which one to cut is not ours to guess
                }
                found = field.getKey();
            }
        }
        return found;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
