package example.hello;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoStreamHandlerTest {

    @Test
    void copiesTheEventBytesUnchanged() throws Exception {
        byte[] event = "{\"a\": [1, 2, 3], \"text\": \"h\\u00e9llo\"}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestContext context = new TestContext();

        new EchoStreamHandler().handleRequest(new ByteArrayInputStream(event), out, context);

        assertArrayEquals(event, out.toByteArray());
        assertEquals("echoed " + event.length + " bytes", context.lines.getFirst());
    }

    @Test
    void anEmptyEventGivesAnEmptyResponse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EchoStreamHandler().handleRequest(new ByteArrayInputStream(new byte[0]), out, new TestContext());
        assertEquals(0, out.size());
    }
}
