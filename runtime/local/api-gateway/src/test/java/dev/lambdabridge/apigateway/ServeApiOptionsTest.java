package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeApiOptionsTest {
    @Test
    void theCommandLineSetsEveryOption() {
        ServeApi.Options options = ServeApi.parse("--template", "t.yaml", "--parameter-overrides", "A=1 B=x=y",
                "--parameter-overrides", "C=3", "--port", "0", "--function-urls", "3001", "--env", "K=V",
                "--host", "::1");
        assertEquals(Path.of("t.yaml"), options.template());
        assertEquals(Map.of("A", "1", "B", "x=y", "C", "3"), options.parameters());
        assertEquals(0, options.port());
        assertEquals(3001, options.functionUrlsPort());
        assertEquals(Map.of("K", "V"), options.env());
        assertEquals("::1", options.host());
        ServeApi.Options defaults = ServeApi.parse("--template", "t.yaml");
        assertEquals(3000, defaults.port());
        assertNull(defaults.functionUrlsPort());
        assertEquals("127.0.0.1", defaults.host());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("--template FILE is required",
                assertThrows(IllegalArgumentException.class, () -> ServeApi.parse("--port", "1")).getMessage());
        assertEquals("--function-urls needs a port number from 0 to 65535, got 'x'", assertThrows(
                IllegalArgumentException.class, () -> ServeApi.parse("--template", "t", "--function-urls", "x"))
                .getMessage());
        assertEquals("--parameter-overrides needs KEY=VALUE, got 'A'", assertThrows(IllegalArgumentException.class,
                () -> ServeApi.parse("--template", "t", "--parameter-overrides", "A")).getMessage());
        assertEquals("unknown option --routes", assertThrows(IllegalArgumentException.class,
                () -> ServeApi.parse("--routes", "r.txt")).getMessage());
    }
}
