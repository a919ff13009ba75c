package dev.lambdabridge.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.Fakes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, messages, invoke and invoke-all with a bootstrap script running the fake. */
class EmulatorCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return new EmulatorCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(args);
    }

    private static Path bootstrap(Path dir) throws Exception {
        Path script = dir.resolve("bootstrap");
        Files.writeString(script, "#!/bin/sh\nexec '" + String.join("' '", Fakes.command()) + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void badOptionsExit2NamingOptionAndValue(@TempDir Path dir) {
        assertEquals(2, run("", "invoke", "--handler", "h", "--code", dir.toString(), "--timeout", "soon"));
        assertTrue(err.toString().contains("--timeout needs a positive number of seconds, got 'soon'"), err.toString());
        assertEquals(2, run("", "serve", "--colour", "red"));
        assertTrue(err.toString().contains("unknown option --colour (value 'red')"), err.toString());
        assertEquals(2, run("", "invoke", "--handler", "h", "--code", dir.resolve("absent").toString(), "--event", "-"));
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        assertEquals(2, run("", "launch"));
        assertTrue(err.toString().contains("unknown command 'launch'"), err.toString());
        assertEquals(2, run("", "invoke", "--memory", "64"));
        assertTrue(err.toString().contains("--memory needs a whole number from 128 to 10240, got '64'"), err.toString());
    }

    @Test
    void trainFunctionNeedsAnEventAndAReadableOne(@TempDir Path dir) {
        assertEquals(2, run("", "train-function", "--handler", "h", "--code", dir.toString()));
        assertTrue(err.toString().contains("train-function needs at least one --event FILE"), err.toString());
        assertEquals(2, run("", "train-function", "--handler", "h", "--code", dir.toString(), "--event",
                dir.resolve("absent.json").toString()));
        assertTrue(err.toString().contains("absent.json: cannot read it"), err.toString());
        assertEquals(2, run("", "train-function", "--handler", "h", "--code", dir.toString(), "--event", "e.json",
                "--invocations", "0"));
        assertTrue(err.toString().contains("--invocations needs a whole number from 1 to 100000, got '0'"),
                err.toString());
    }

    @Test
    void invokePrintsThePayloadAndExitsByResult(@TempDir Path dir) throws Exception {
        Path bootstrap = bootstrap(dir);
        assertEquals(0, run("{\"cli\":1}", "invoke", "--handler", "h", "--code", dir.toString(), "--bootstrap",
                bootstrap.toString(), "--event", "-"));
        assertEquals("{\"cli\":1}", out.toString().trim());
        assertTrue(err.toString().contains("REPORT RequestId: "), err.toString());
        out.reset();
        assertEquals(1, run("{\"mode\":\"error\"}", "invoke", "--handler", "h", "--code", dir.toString(),
                "--bootstrap", bootstrap.toString(), "--event", "-"));
        assertTrue(out.toString().contains("FakeError"), out.toString());
    }

    @Test
    void invokeAllRunsEachFunctionWithItsEvent(@TempDir Path dir) throws Exception {
        bootstrap(dir);
        Files.writeString(dir.resolve("ok.json"), "{\"sample\":true}");
        Files.writeString(dir.resolve("bad.json"), "{\"mode\":\"error\"}");
        Files.writeString(dir.resolve("functions.json"), """
                [{"name":"ok","handler":"a.B::c","code":".","event":"ok.json","bootstrap":"bootstrap"},
                 {"name":"bad","handler":"a.B::c","code":".","event":"bad.json","bootstrap":"bootstrap","timeout":5}]
                """);
        assertEquals(1, run("", "invoke-all", "--functions", dir.resolve("functions.json").toString()));
        String text = out.toString();
        assertTrue(text.contains("=== ok (a.B::c) ===\n"), text);
        assertTrue(text.contains("result: {\"sample\":true}"), text);
        assertTrue(text.contains("=== bad (a.B::c) ==="), text);
        assertTrue(text.contains("FAILED: {\"errorMessage\":\"failed on purpose\""), text);
        assertTrue(text.contains("REPORT RequestId: "), text);
        assertTrue(text.contains("1 of 2 functions failed"), text);
    }
}
