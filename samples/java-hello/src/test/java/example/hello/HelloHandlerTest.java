package example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloHandlerTest {
    private final TestContext context = new TestContext();

    @Test
    void greetsTheNameAndCountsTheTopLevelKeys() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", "Ada");
        event.put("colour", "green");
        event.put("nested", Map.of("a", 1, "b", 2));

        Map<String, Object> reply = new HelloHandler().handleRequest(event, context);

        assertEquals(Map.of("greeting", "Hello, Ada!", "keys", 3), reply);
        assertEquals("greeting Ada, event has 3 keys", context.lines.getFirst());
    }

    @Test
    void greetsTheWorldWithoutAName() {
        assertEquals(Map.of("greeting", "Hello, world!", "keys", 1),
                new HelloHandler().handleRequest(Map.of("colour", "blue"), context));
    }

    @Test
    void countsZeroKeysForAnEmptyOrNullEvent() {
        assertEquals(0, new HelloHandler().handleRequest(Map.of(), context).get("keys"));
        assertEquals(0, new HelloHandler().handleRequest(null, context).get("keys"));
    }
}
