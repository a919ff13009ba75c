package dev.lambdabridge.childprocess;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();

    @Test
    void linesEndAtNewlinesWithoutTheirCarriageReturnAndTheLastOneAtClose() throws Exception {
        LineSplitter splitter = new LineSplitter(64, lines::add);
        splitter.write("first\r\nsec".getBytes(StandardCharsets.UTF_8));
        splitter.write("ond\n\nno newline".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("first", "second", ""), lines);
        splitter.close();
        assertEquals(List.of("first", "second", "", "no newline"), lines);
        splitter.close();
        assertEquals(4, lines.size(), "nothing more to hand on");
    }

    @Test
    void aLongLineComesInPiecesOfTheLimitCutBeforeASplitCharacter() throws Exception {
        LineSplitter splitter = new LineSplitter(8, lines::add);
        // "aaaaaaa€b": the euro sign's 3 bytes would straddle the 8-byte limit
        splitter.write("aaaaaaa€b\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("aaaaaaa", "€b"), lines);

        lines.clear();
        byte[] exact = new byte[8];
        Arrays.fill(exact, (byte) 'x');
        splitter.write(exact, 0, exact.length);
        splitter.write('\n');
        assertEquals(List.of("xxxxxxxx"), lines, "a line of exactly the limit is one line");

        lines.clear();
        splitter.write("0123456789abcdefXY\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("01234567", "89abcdef", "XY"), lines);
    }

    @Test
    void aLimitTooSmallForACharacterIsRefusedNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LineSplitter(3, lines::add));
        assertEquals("maxLineBytes must be at least 4, not 3", error.getMessage());
    }
}
