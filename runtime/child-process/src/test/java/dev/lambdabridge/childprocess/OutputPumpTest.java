package dev.lambdabridge.childprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputPumpTest {
    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private Process sh(String script, Map<String, String> variables, boolean stdinPiped) throws Exception {
        return ChildLauncher.start(List.of("sh", "-c", script), dir, env -> env.putAll(variables), stdinPiped);
    }

    /** A line written before an answer is handed on when the answer comes, while the child still runs. */
    @Test
    void catchingUpHandsOnWhatTheChildWroteSoFarWhileItRuns() throws Exception {
        Process child = sh("echo 'to stdout'; echo 'to stderr' >&2; : > written; exec sleep 30", Map.of(), false);
        try {
            List<String> out = new CopyOnWriteArrayList<>();
            List<String> err = new CopyOnWriteArrayList<>();
            OutputPump stdout = OutputPump.start(child.toHandle(), child.getInputStream(),
                    new LineSplitter(1024, out::add), threads);
            OutputPump stderr = OutputPump.start(child.toHandle(), child.getErrorStream(),
                    new LineSplitter(1024, err::add), threads);
            long until = System.currentTimeMillis() + 10_000;
            while (!Files.exists(dir.resolve("written")) && System.currentTimeMillis() < until) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(dir.resolve("written")), "the script ran");
            stdout.catchUp(1_000);
            stderr.catchUp(1_000);
            assertEquals(List.of("to stdout"), out);
            assertEquals(List.of("to stderr"), err);
            assertTrue(child.isAlive(), "handed on while the child still runs");
            assertFalse(stdout.awaitEnd(50), "the stream is still open");
        } finally {
            ProcessTree.kill(child.toHandle(), null, 2_000);
        }
    }

    @Test
    void afterTheExitTheStreamIsReadToItsEndAndTheSinkClosed() throws Exception {
        Process child = sh("printf 'a\\nb\\nno newline'; exit 3", Map.of(), false);
        List<String> lines = new CopyOnWriteArrayList<>();
        OutputPump pump = OutputPump.start(child.toHandle(), child.getInputStream(),
                new LineSplitter(1024, lines::add), threads);
        assertEquals(3, child.waitFor());
        assertTrue(pump.awaitEnd(5_000));
        assertEquals(List.of("a", "b", "no newline"), lines, "the last line came when the sink was closed");
    }

    @Test
    void aFloodNeverBlocksTheChild() throws Exception {
        // 4 MB on stdout, far over a pipe's 64 KB: the child only exits when the pump keeps reading
        Process child = sh("head -c 4194304 /dev/zero", Map.of(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputPump pump = OutputPump.start(child.toHandle(), child.getInputStream(), out, threads);
        assertEquals(0, child.waitFor());
        assertTrue(pump.awaitEnd(5_000));
        assertEquals(4 * 1024 * 1024, out.size());
    }

    @Test
    void theLauncherSetsTheDirectoryTheVariablesAndADevNullStdin() throws Exception {
        Process child = sh("pwd; echo \"$GREETING\"; cat", Map.of("GREETING", "hello"), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputPump pump = OutputPump.start(child.toHandle(), child.getInputStream(), out, threads);
        assertEquals(0, child.waitFor(), "cat read end of file at once");
        assertTrue(pump.awaitEnd(5_000));
        assertEquals(dir.toRealPath() + "\nhello\n", out.toString(StandardCharsets.UTF_8));
    }
}
