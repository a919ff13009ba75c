package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.runtime.errors.GuestError;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {
    @TempDir
    Path taskRoot;

    /** {@code sh script.sh} in the task root, the script written there first. */
    private ChildProcess start(String script, String marker, Map<String, String> variables, boolean stdin)
            throws IOException {
        Files.writeString(taskRoot.resolve("script.sh"), script);
        Program program = new Program(CommandSpec.parse("exec", "sh script.sh"), Path.of("/bin/sh"), taskRoot,
                new ChildEnvironment(SearchPath.of(taskRoot, System.getenv("PATH")), Map.of()));
        return program.start("\"sh script.sh\"", null, stdin, null, variables, marker);
    }

    @Test
    void stdinStdoutAndStderrArePumpedAndTheVariablesSet() throws Exception {
        ChildProcess child = start("read line; echo \"$line-$GREETING\"; echo err >&2", null,
                Map.of("GREETING", "hello"), true);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        child.drainOutput(stdout, false, stderr);
        child.feedStdin("line\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, child.awaitExit(10_000));
        assertTrue(child.awaitOutput(System.currentTimeMillis() + 5_000));
        assertEquals("line-hello\n", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("err\n", stderr.toString(StandardCharsets.UTF_8));
    }

    /** A worker's log line written before its answer is handed on when the answer comes, not some time later. */
    @Test
    void catchingUpHandsOnWhatTheProgramHasWrittenSoFarWhileItRuns() throws Exception {
        ChildProcess child = start("echo 'to stdout'; echo 'to stderr' >&2; : > written; sleep 30", null, Map.of(),
                false);
        try {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            child.drainOutputCatchingUp(stdout, stderr);
            long until = System.currentTimeMillis() + 10_000;
            while (!Files.exists(taskRoot.resolve("written")) && System.currentTimeMillis() < until) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(taskRoot.resolve("written")), "the script ran");
            child.catchUpOutput(1_000);
            assertEquals("to stdout\n", stdout.toString(StandardCharsets.UTF_8));
            assertEquals("to stderr\n", stderr.toString(StandardCharsets.UTF_8));
            assertTrue(child.process().isAlive(), "handed on while the program still runs");
        } finally {
            child.killTree(2_000);
        }
    }

    @Test
    void withoutAPipeStdinIsDevNull() throws Exception {
        ChildProcess child = start("cat", null, Map.of(), false);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        child.drainOutput(stdout, false, new ByteArrayOutputStream());
        assertEquals(0, child.awaitExit(10_000), "cat read end of file at once");
        assertTrue(child.awaitOutput(System.currentTimeMillis() + 5_000));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProgramThatCannotStartIsNotFoundNamingIt() {
        Program missing = new Program(CommandSpec.parse("exec", "nothing-here"), taskRoot.resolve("nothing-here"),
                taskRoot, new ChildEnvironment(SearchPath.of(taskRoot, System.getenv("PATH")), Map.of()));
        GuestError error = assertThrows(GuestError.class,
                () -> missing.start("\"nothing-here\"", null, false, null, Map.of(), null));
        assertEquals(ProcessErrorTypes.NOT_FOUND, error.errorType());
        assertTrue(error.getMessage().startsWith("Cannot start \"nothing-here\" (" + taskRoot.resolve("nothing-here")
                + "): "), error.getMessage());
    }

    @Test
    void aBackgroundChildHoldingStdoutKeepsTheOutputOpenUntilTheLeftoversAreKilled() throws Exception {
        String marker = "LB_CHILD_PROCESS_TEST=" + UUID.randomUUID();
        // sh lives until its pump reads: the JDK drains and closes the pipes of a process that exited before
        ChildProcess child = start("sleep 30 & sleep 0.5", marker, Map.of(marker.split("=")[0], marker.split("=")[1]), false);
        child.drainOutput(new ByteArrayOutputStream(), false, new ByteArrayOutputStream());
        assertEquals(0, child.awaitExit(10_000), "sh exits, its background sleep stays");
        assertFalse(child.awaitOutput(System.currentTimeMillis() + 300), "the sleep holds stdout");
        assertEquals(1, ProcessTree.findMarked(marker).size());
        assertEquals(1, child.killLeftovers());
        assertTrue(child.awaitOutput(System.currentTimeMillis() + 5_000));
        assertEquals(List.of(), ProcessTree.findMarked(marker));
    }

    @Test
    void killTreeKillsTheProgramAndWhatItStarted() throws Exception {
        String marker = "LB_CHILD_PROCESS_TEST=" + UUID.randomUUID();
        ChildProcess child = start("sleep 30 & sleep 30", marker, Map.of(marker.split("=")[0], marker.split("=")[1]),
                false);
        child.drainOutput(new ByteArrayOutputStream(), false, new ByteArrayOutputStream());
        long until = System.currentTimeMillis() + 5_000;
        while (ProcessTree.findMarked(marker).size() < 3 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertEquals(3, ProcessTree.findMarked(marker).size(), "sh and its two sleeps");
        assertTrue(child.killTree(5_000) >= 2, "the two sleeps besides sh");
        assertFalse(child.process().isAlive());
        assertTrue(child.awaitOutput(System.currentTimeMillis() + 5_000));
        assertEquals(List.of(), ProcessTree.findMarked(marker));
    }
}
