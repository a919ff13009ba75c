package dev.lambdabridge.bridge.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ShimsTest {
    @TempDir
    Path temp;

    private Path shims(String name) throws IOException {
        Path dir = temp.resolve(name);
        Files.createDirectories(dir.resolve("python"));
        Files.createDirectories(dir.resolve("ruby"));
        Files.createDirectories(dir.resolve("node"));
        Files.writeString(dir.resolve("node/lambda_bridge.js"), "// preload\n");
        return dir;
    }

    @Test
    void pythonPathGoesBeforeTheInheritedOne() throws IOException {
        Path dir = shims("s");
        Map<String, String> vars = Shims.environment(dir, Map.of("PYTHONPATH", "/mine"),
                Path.of("/usr/bin/python3"));
        assertEquals(dir + "/python:/mine", vars.get("PYTHONPATH"));
        assertEquals(dir + "/ruby", vars.get("RUBYLIB"));
        assertFalse(vars.containsKey("NODE_OPTIONS"), "NODE_OPTIONS only for node: " + vars);
        assertEquals(dir + "/python", Shims.environment(dir, Map.of(),
                Path.of("/usr/bin/python3")).get("PYTHONPATH"));
    }

    @Test
    void nodeGetsThePreloadQuotedBeforeTheInheritedOptions() throws IOException {
        Path dir = shims("with space \"and quote\"");
        Map<String, String> vars = Shims.environment(dir, Map.of("NODE_OPTIONS", "--max-old-space-size=100"), Path.of("/opt/bin/node"));
        String quoted = (dir + "/node/lambda_bridge.js").replace("\"", "\\\"");
        assertEquals("--require \"" + quoted + "\" --max-old-space-size=100", vars.get("NODE_OPTIONS"));
        assertEquals("--require \"" + quoted + "\"", Shims.environment(dir, Map.of(),
                Path.of("/usr/bin/nodejs")).get("NODE_OPTIONS"));
    }
}
