package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classic "count the keys" function: greets the event's {@code name} (or "world") and says how many top-level
 * keys the event has.
 *
 * <pre>{"name": "Ada", "colour": "green"}  ->  {"greeting": "Hello, Ada!", "keys": 2}</pre>
 *
 * Handler string: {@code example.hello.HelloHandler::handleRequest} (or {@code example.hello.HelloHandler}).
 */
public class HelloHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> input = event == null ? Map.of() : event;
        Object name = input.get("name");
        String who = name == null || name.toString().isBlank() ? "world" : name.toString();
        context.getLogger().log("greeting " + who + ", event has " + input.size() + " keys");

        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("greeting", "Hello, " + who + "!");
        reply.put("keys", input.size());
        return reply;
    }
}
