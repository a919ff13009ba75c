package dev.lambdabridge.bridge.process;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramesTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String protocolError(String text) {
        return assertThrows(ProtocolException.class, () -> Frames.readHeader(stream(text))).getMessage();
    }

    @Test
    void headerAndPayload() throws Exception {
        InputStream in = stream("RESULT 11\n{\"ok\":true}READY 0\n");
        Frames.Header header = Frames.readHeader(in);
        assertEquals(new Frames.Header("RESULT", 11), header);
        assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.US_ASCII), Frames.readPayload(in, header));
        assertEquals(new Frames.Header("READY", 0), Frames.readHeader(in));
        assertNull(Frames.readHeader(in), "end of stream between frames");
    }

    @Test
    void writtenFramesReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, Frames.INVOKE, "{\"a\":".getBytes(StandardCharsets.UTF_8), "\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("INVOKE 10\n{\"a\":\"é\"}", out.toString(StandardCharsets.UTF_8), "the length counts bytes");
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        Frames.Header header = Frames.readHeader(in);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Frames.copyPayload(in, header, payload);
        assertEquals("{\"a\":\"é\"}", payload.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedHeadersAreProtocolErrorsShowingTheBytes() {
        for (String bad : new String[] {"result 2\n", "RESULT\n", "RESULT  2\n", "RESULT 2 \n", " RESULT 2\n",
                "RESULT -2\n", "RESULT +2\n", "RESULT 02\n", "RESULT 2x\n", "RESULT 0x10\n", "RE-SULT 2\n", "\n",
                "RESULT 2\r\n", "RESULT 1234567890123456789\n"}) {
            String message = protocolError(bad);
            assertTrue(message.startsWith("malformed frame header (expected \"TYPE LENGTH\\n\"): \""), bad + ": " + message);
        }
        assertTrue(protocolError("RESULT 2\r\n").endsWith("\"RESULT 2\\r\\n\""), protocolError("RESULT 2\r\n"));
        assertTrue(protocolError("OK \u00ff\n").endsWith("\"OK \\xff\\n\""), protocolError("OK \u00ff\n"));
    }

    @Test
    void overLongHeaderIsCutTo100Bytes() {
        String message = protocolError("X".repeat(500));
        assertTrue(message.startsWith("frame header longer than 64 bytes (no newline): \"" + "X".repeat(100) + "\""),
                message);
        assertTrue(protocolError("RESULT " + "1".repeat(57) + "\n").startsWith("frame header longer than 64"),
                "64 bytes without the newline is already too long");
        assertEquals(64, ("RESULT " + "1".repeat(56) + "\n").length());
    }

    @Test
    void headerAtExactly64BytesIsRead() throws Exception {
        // 64 bytes including the newline; the length is absurd but syntactically valid
        String header = "A".repeat(57) + " 12345\n";
        assertEquals(64, header.length());
        assertEquals(new Frames.Header("A".repeat(57), 12345), Frames.readHeader(stream(header)));
    }

    @Test
    void truncatedHeaderAndPayload() throws IOException, ProtocolException {
        assertEquals("end of stream inside a frame header: \"RESULT 1\"", protocolError("RESULT 1"));
        InputStream in = stream("RESULT 10\n12345");
        Frames.Header header = Frames.readHeader(in);
        ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.readPayload(in, header));
        assertEquals("end of stream inside a RESULT frame: got 5 of 10 bytes", e.getMessage());
        InputStream again = stream("RESULT 10\n123");
        Frames.Header second = Frames.readHeader(again);
        assertEquals("end of stream inside a RESULT frame: got 3 of 10 bytes", assertThrows(ProtocolException.class,
                () -> Frames.copyPayload(again, second, new ByteArrayOutputStream())).getMessage());
    }

    @Test
    void lengthOverTheLimit() throws Exception {
        Frames.Header header = Frames.readHeader(stream("ERROR " + (Frames.MAX_REPLY_BYTES + 1) + "\n"));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Frames.checkLength(header, Frames.MAX_REPLY_BYTES));
        assertEquals("ERROR frame of 6291557 bytes is over the limit of 6291556 bytes", e.getMessage());
        Frames.checkLength(new Frames.Header("ERROR", Frames.MAX_REPLY_BYTES), Frames.MAX_REPLY_BYTES);
    }
}
