package dev.lambdabridge.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsFileTest {

    @Test
    void snapStartSetsTheInitializationType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("functions.json");
        Files.writeString(file, """
                [{"name":"snap","handler":"a.B","code":".","snapStart":true},
                 {"name":"plain","handler":"a.B","code":".","snapStart":false}]
                """);
        List<FunctionsFile.Entry> entries = FunctionsFile.read(file);
        assertEquals("snap-start", entries.get(0).config().env().get("AWS_LAMBDA_INITIALIZATION_TYPE"));
        assertNull(entries.get(1).config().env().get("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    @Test
    void aSnapStartThatIsNotABooleanIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("functions.json");
        Files.writeString(file, "[{\"name\":\"snap\",\"handler\":\"a.B\",\"code\":\".\",\"snapStart\":\"yes\"}]");
        UsageException e = assertThrows(UsageException.class, () -> FunctionsFile.read(file));
        assertTrue(e.getMessage().contains("function snap: snapStart must be true or false, got \"yes\""),
                e.getMessage());
    }
}
