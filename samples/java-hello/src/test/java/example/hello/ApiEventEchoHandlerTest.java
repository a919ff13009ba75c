package example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiEventEchoHandlerTest {
    @Test
    void theEventComesBackAsTheBodyOfA200() throws Exception {
        String event = "{\"version\":\"2.0\",\"rawPath\":\"/echo/v2/a\",\"body\":\"line\\nwith \\\"quotes\\\"\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ApiEventEchoHandler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext());
        JsonNode response = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(200, response.path("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("Content-Type").asText());
        assertEquals(event, response.path("body").asText());
    }
}
