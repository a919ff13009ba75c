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
}
