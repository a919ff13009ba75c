package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzzing (Jazzer) of the worker protocol's frame reader (docs/worker-protocol.md), on what a broken or hostile worker can
 * send: any bytes give a header, the end of the stream, or a {@link ProtocolException} (never another exception);
 * a header is never read past its 64 bytes; well-formed frames read back as written; a frame that announces more
 * than it carries is a ProtocolException, and reading it allocates what arrived, not what was announced.
 *
 * <p>Every test run replays the seeds in src/test/resources/dev/lambdabridge/bridge/process/FramesFuzzTestInputs
 * (raw worker output for the first target); a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl bridge/process
 * -Dtest='FramesFuzzTest#METHOD' -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class FramesFuzzTest {
    private static final long ALLOCATION_SLACK = 256 * 1024;

    @FuzzTest
    @DictionaryEntries({"READY ", "INVOKE ", "RESULT ", "ERROR ", " ", "0", "9", "-", "+", "99999999999999999999",
        "\u0000", "\u00ff"})
    void anyBytesAreAHeaderTheEndOrAProtocolError(byte[] bytes) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try {
            Frames.Header header = Frames.readHeader(in);
            int consumed = bytes.length - in.available();
            assertTrue(consumed <= Frames.MAX_HEADER_BYTES, "read " + consumed + " bytes for a header");
            if (header == null) {
                assertEquals(0, bytes.length, "end of stream reported for a non-empty input");
                return;
            }
            assertTrue(header.type().matches("[A-Z]+"), header.type());
            assertTrue(header.length() >= 0, header.toString());
            assertEquals(header.type() + " " + header.length() + "\n",
                    new String(bytes, 0, consumed, StandardCharsets.US_ASCII), "the header as it was sent");
            if (header.length() <= Frames.MAX_REPLY_BYTES) {
                payloadOrTruncated(in, header);
            } else {
                assertThrows(ProtocolException.class, () -> Frames.checkLength(header, Frames.MAX_REPLY_BYTES));
            }
        } catch (ProtocolException expected) {
            assertTrue(expected.getMessage().length() < 1000, "messages show at most 100 bytes of the input");
        }
    }

    private static void payloadOrTruncated(ByteArrayInputStream in, Frames.Header header) throws IOException {
        int available = in.available();
        long before = allocated();
        try {
            byte[] payload = Frames.readPayload(in, header);
            assertEquals(header.length(), payload.length);
        } catch (ProtocolException truncated) {
            assertTrue(available < header.length(), "truncated with all bytes there: " + truncated.getMessage());
        }
        long used = allocated() - before;
        assertTrue(used <= 2L * available + ALLOCATION_SLACK, "allocated " + used + " bytes for a " + header.length()
                + "-byte frame of which " + available + " arrived");
    }

    @FuzzTest
    void wellFormedFramesReadBackAsWritten(FuzzedDataProvider data) throws Exception {
        String type = data.pickValue(new String[] {Frames.READY, Frames.INVOKE, Frames.RESULT, Frames.ERROR});
        byte[] payload = data.consumeRemainingAsBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, type, payload);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Frames.Header header = Frames.readHeader(in);
        assertEquals(new Frames.Header(type, payload.length), header);
        assertArrayEquals(payload, Frames.readPayload(in, header));
        assertEquals(0, in.available());
    }

    @FuzzTest
    void framesThatLieAboutTheirLengthAreTruncatedWithoutAllocatingTheLie(FuzzedDataProvider data) throws Exception {
        long announced = data.consumeLong(1, Frames.MAX_REPLY_BYTES);
        int sent = data.consumeInt(0, 4096);
        int actual = (int) Math.min(sent, announced - 1);
        byte[] header = Frames.header(Frames.RESULT, announced);
        byte[] bytes = Arrays.copyOf(header, header.length + actual);
        Frames.Header read = Frames.readHeader(new ByteArrayInputStream(bytes));
        assertEquals(announced, read.length());
        ByteArrayInputStream rest = new ByteArrayInputStream(bytes, header.length, actual);
        long before = allocated();
        ProtocolException truncated = assertThrows(ProtocolException.class, () -> Frames.readPayload(rest, read));
        long used = allocated() - before;
        assertEquals("end of stream inside a RESULT frame: got " + actual + " of " + announced + " bytes",
                truncated.getMessage());
        assertTrue(used <= 2L * actual + ALLOCATION_SLACK, "allocated " + used + " bytes for " + actual + " bytes");
        ByteArrayInputStream copied = new ByteArrayInputStream(bytes, header.length, actual);
        assertThrows(ProtocolException.class, () -> Frames.copyPayload(copied, read, new ByteArrayOutputStream()));
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
