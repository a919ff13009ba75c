package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-level helpers: UTF-8 checks, the stdout buffer, the stderr line log, the response rules. */
class TextTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void utf8Validation() {
        byte[] ok = "aé€😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, Utf8.firstInvalid(ok, ok.length));
        assertEquals(0, Utf8.firstInvalid(bytes(0xff), 1));
        assertEquals(1, Utf8.firstInvalid(bytes('a', 0xc3), 2), "truncated sequence");
        assertEquals(0, Utf8.firstInvalid(bytes(0xc0, 0x80), 2), "overlong NUL");
        assertEquals(0, Utf8.firstInvalid(bytes(0xed, 0xa0, 0x80), 3), "surrogate");
        assertEquals(0, Utf8.firstInvalid(bytes(0xf4, 0x90, 0x80, 0x80), 4), "above U+10FFFF");
        assertEquals(1, Utf8.firstInvalid(bytes('x', 0xe2, 0x28, 0xa1), 4), "bad continuation");
        assertEquals("\"a\\nb\\x00\\xff\\\"\"", Utf8.escape(bytes('a', '\n', 'b', 0, 0xff, '"'), 100));
        assertEquals("\"ab\"... (3 bytes)", Utf8.escape(bytes('a', 'b', 'c'), 2));
    }

    @Test
    void cappedBufferKeepsUpToTheLimitAndReportsOverflowOnce() {
        AtomicInteger overflows = new AtomicInteger();
        CappedBuffer buffer = new CappedBuffer(10, overflows::incrementAndGet);
        buffer.write("12345".getBytes(StandardCharsets.US_ASCII), 0, 5);
        buffer.write("67890".getBytes(StandardCharsets.US_ASCII), 0, 5);
        assertFalse(buffer.overflowed());
        buffer.write('x');
        buffer.write(new byte[1000], 0, 1000);
        assertTrue(buffer.overflowed());
        assertEquals(1, overflows.get());
        assertEquals(10, buffer.size());
        assertEquals(1011, buffer.total());
        assertEquals("1234567890", new String(buffer.array(), 0, buffer.size(), StandardCharsets.US_ASCII));
    }

    @Test
    void lineLogTagsLinesKeepsTheLastOnesAndSplitsLongLinesAtCharacterBoundaries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FunctionLog log = new FunctionLog(new RuntimeLogger(out, "TEXT", null));
        LineLog lines = new LineLog(log, () -> "req-1");
        lines.write("first\r\nsec".getBytes(StandardCharsets.UTF_8));
        lines.write("ond\nno newline".getBytes(StandardCharsets.UTF_8));
        lines.close();
        assertEquals("req-1\tfirst\nreq-1\tsecond\nreq-1\tno newline\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("first", "second", "no newline"), lines.lastLines());

        for (int i = 0; i < 30; i++) {
            lines.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(LineLog.KEPT_LINES, lines.lastLines().size());
        assertEquals("line 29", lines.lastLines().getLast());
        assertTrue(lines.lastLinesSuffix("stderr").startsWith("; the last lines of its stderr:\nline 10\n"));

        out.reset();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] longLine = new byte[LineLog.MAX_LINE_BYTES + 3];
        java.util.Arrays.fill(longLine, (byte) 'a');
        // a 3-byte character across the 64 KiB boundary
        System.arraycopy(euro, 0, longLine, LineLog.MAX_LINE_BYTES - 1, 3);
        longLine[longLine.length - 1] = '\n';
        lines.write(longLine, 0, longLine.length);
        String[] logged = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, logged.length);
        assertTrue(logged[0].endsWith("aaa"), "the piece ends before the euro sign");
        assertEquals("req-1\t€", logged[1]);
    }

    @Test
    void lineLogInJsonFormatPutsTheRequestIdInItsField() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineLog lines = new LineLog(new FunctionLog(new RuntimeLogger(out, "JSON", null)), () -> "req-2");
        lines.write("hello\n".getBytes(StandardCharsets.UTF_8));
        String record = out.toString(StandardCharsets.UTF_8);
        assertTrue(record.contains("\"message\":\"hello\""), record);
        assertTrue(record.contains("\"AWSRequestId\":\"req-2\""), record);
        RuntimeLogger.setRequestId(null);
    }

    private static String response(byte[] stdout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseText.write(stdout, stdout.length, out, "prog");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void responseIsJsonAsItIsOrTextAsAJsonString() throws Exception {
        assertEquals("{\"result\": 3}\n", response("{\"result\": 3}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\"Hello, Go!\\n3\\n\"", response("Hello, Go!\n3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\"\"", response(new byte[0]));
        assertEquals("\"é \\\"q\\\"\"", response("é \"q\"".getBytes(StandardCharsets.UTF_8)));
        GuestError invalid = assertThrows(GuestError.class, () -> response(bytes('o', 'k', 0xff, 0xfe)));
        assertEquals(ProcessErrorTypes.INVALID_OUTPUT, invalid.errorType());
        assertTrue(invalid.getMessage().contains("byte 2 is 0xff"), invalid.getMessage());
        byte[] newlines = new byte[LambdaLimits.RESPONSE_PAYLOAD_BYTES - 10];
        java.util.Arrays.fill(newlines, (byte) '\n');
        GuestError tooLarge = assertThrows(GuestError.class, () -> response(newlines));
        assertEquals(ProcessErrorTypes.RESPONSE_TOO_LARGE, tooLarge.errorType());
    }

    @Test
    void eventArgumentChecks() {
        String event = "{\"a\":\"'; rm -rf / # $(id) `id` \\\"q\\\"\"}\n";
        assertEquals(event, NativeText.eventArgument(event.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ProcessErrorTypes.INVALID_EVENT, assertThrows(GuestError.class,
                () -> NativeText.eventArgument(bytes('{', 0xff, '}'))).errorType());
        assertEquals(ProcessErrorTypes.INVALID_EVENT, assertThrows(GuestError.class,
                () -> NativeText.eventArgument(bytes('"', 0, '"'))).errorType());
        byte[] big = new byte[NativeText.MAX_ARGUMENT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        GuestError tooBig = assertThrows(GuestError.class, () -> NativeText.eventArgument(big));
        assertTrue(tooBig.getMessage().contains("MAX_ARG_STRLEN"), tooBig.getMessage());
    }

    @Test
    void nonAsciiIsEscapedOnlyWhenThePlatformEncodingIsNotUtf8() {
        String json = "{\"name\":\"Zoë 😀\"}";
        String expected = NativeText.UTF8_PLATFORM ? json : "{\"name\":\"Zo\\u00eb \\ud83d\\ude00\"}";
        assertEquals(expected, NativeText.forPlatform(json));
    }
}
