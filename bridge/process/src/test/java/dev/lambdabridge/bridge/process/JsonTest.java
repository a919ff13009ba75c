package dev.lambdabridge.bridge.process;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    private static boolean valid(String text) {
        return Json.isValid(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validDocuments() {
        for (String ok : new String[] {"{}", "[]", " {\"a\": [1, -2.5e+3, 0, true, false, null, \"x\\n\\u00e9\"]}\n",
                "\"just a string\"", "42", "-0.0", "null", "[[[]]]", "{\"a\":{\"b\":{}}}", "[1,{\"x\":[\"y\"]}]",
                "\"é ünïcödé 😀\"", "\t[ ]\r\n"}) {
            assertTrue(valid(ok), ok);
        }
    }

    @Test
    void invalidDocuments() {
        for (String bad : new String[] {"", " ", "hello", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "01",
                "1.", ".5", "-", "1e", "tru", "nul", "\"unterminated", "\"bad \\x escape\"", "\"\\u12G4\"",
                "\"tab\tinside\"", "{} {}", "[1]]", "{\"a\" 1}", "{\"a\":}", "[,1]", "3 4", "hello, text\n"}) {
            assertFalse(valid(bad), bad);
        }
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        int depth = 1_000_000;
        assertTrue(valid("[".repeat(depth) + "]".repeat(depth)));
        assertFalse(valid("[".repeat(depth) + "]".repeat(depth - 1)));
    }

    @Test
    void parsesSmallDocuments() {
        Object parsed = Json.parse("{\"errorMessage\":\"bad \\\"x\\\" \\u00e9\",\"errorType\":\"E\",\"n\":3,\"f\":1.5,"
                + "\"stackTrace\":[\"a\",\"b\"],\"t\":true,\"z\":null}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("bad \"x\" é", map.get("errorMessage"));
        assertEquals(3L, map.get("n"));
        assertEquals(1.5, map.get("f"));
        assertEquals(List.of("a", "b"), map.get("stackTrace"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertNull(map.get("z"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
    }

    @Test
    void aFrameThatIsNotJsonIsRefusedSayingWhatWasWrongAndWhere() {
        assertEquals("not JSON: unexpected text after the value at offset 8",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} []")).getMessage());
        assertEquals("not JSON: nested deeper than 64 levels at offset 65",
                assertThrows(IllegalArgumentException.class,
                        () -> Json.parse("[".repeat(100) + "]".repeat(100))).getMessage());
        assertEquals("not JSON: unexpected end at offset 1",
                assertThrows(IllegalArgumentException.class, () -> Json.parse(" ")).getMessage());
        for (String[] bad : new String[][] {
                {"{\"a\":1} x", "Unrecognized token 'x'", "at offset 8"},
                {"{a:1}", "was expecting double-quote to start field name", "at offset 1"},
                {"[1 2]", "was expecting comma to separate Array entries", "at offset 3"},
                {"\"\\u-d83\"", "expected a hex-digit for character escape sequence", "at offset 3"},
                {"{\"a\":1", "end-of-input", "at offset 6"},
                {"\"tab\tinside\"", "CTRL-CHAR, code 9", "at offset 4"},
                {"01", "Leading zeroes not allowed", "at offset 1"}}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad[0]), bad[0])
                    .getMessage();
            assertTrue(message.startsWith("not JSON: ") && message.contains(bad[1]) && message.endsWith(bad[2]),
                    bad[0] + ": " + message);
        }
    }

    @Test
    void framesNestUpTo64LevelsBelowTheRootValue() {
        assertEquals(List.of(), unwrap(Json.parse("[".repeat(65) + "]".repeat(65)), 64));
        assertEquals(7L, unwrap(Json.parse("[".repeat(64) + "7" + "]".repeat(64)), 64));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(65) + "7" + "]".repeat(65)));
        assertEquals(Long.MAX_VALUE, Json.parse(Long.toString(Long.MAX_VALUE)));
        assertEquals(1e19, Json.parse("10000000000000000000"));
        assertEquals(Map.of("a", 2L), Json.parse("{\"a\":1,\"a\":2}"));
    }

    private static Object unwrap(Object value, int levels) {
        for (int i = 0; i < levels; i++) {
            value = ((List<?>) value).getFirst();
        }
        return value;
    }
}
