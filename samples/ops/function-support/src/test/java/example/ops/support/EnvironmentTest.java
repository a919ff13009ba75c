package example.ops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    private final Environment env = new Environment(Map.of("TABLE", " policies ", "BLANK", " ", "SIZE", "x2"));

    @Test
    void requiredTrimsAndNamesTheMissingVariable() {
        assertEquals("policies", env.required("TABLE"));
        assertEquals("environment variable QUEUE_URL is not set",
                assertThrows(IllegalStateException.class, () -> env.required("QUEUE_URL")).getMessage());
        assertThrows(IllegalStateException.class, () -> env.required("BLANK"));
    }

    @Test
    void optionalFallsBackAndParseErrorsNameTheValue() {
        assertEquals("d", env.optional("BLANK", "d"));
        assertEquals(3, env.optional("UNSET", 3, Integer::parseInt));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> env.optional("SIZE", 1, Integer::parseInt));
        assertEquals("environment variable SIZE has an invalid value \"x2\": For input string: \"x2\"", e.getMessage());
    }
}
