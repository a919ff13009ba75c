package dev.lambdabridge.childprocess;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessTreeTest {

    @Test
    void aProcessAndWhatItStartedAreKilledAndGone() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60 & wait").start();
        List<ProcessHandle> children = awaitDescendants(shell, 2);
        ProcessTree.killAndAwaitAll(shell.toHandle(), null, 5_000);
        assertFalse(shell.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "pid " + child.pid() + " left behind"));
    }

    @Test
    void theMarkerFindsWhatEscapedTheTree() throws Exception {
        String marker = "LAMBDA_BRIDGE_TREE_TEST=" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "(sleep 60 &) ; exec sleep 60");
        builder.environment().put(marker.substring(0, marker.indexOf('=')), marker.substring(marker.indexOf('=') + 1));
        Process shell = builder.start();
        long until = System.currentTimeMillis() + 5_000;
        while (ProcessTree.findMarked(marker).size() < 2 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(2, ProcessTree.findMarked(marker).size(), "the program and its orphaned sleep");
        ProcessTree.kill(shell.toHandle(), marker, 5_000);
        // kill() waits for the root only (its comment says why); SIGKILL is delivered at once but the kernel tears
        // the orphan down a moment later, so a read of /proc right after can still find it: give it until the
        // same bound (seen failing twice in clean-clone CI runs, the orphan's pid listed); a survivor still fails
        List<ProcessHandle> left = ProcessTree.findMarked(marker);
        long gone = System.currentTimeMillis() + 5_000;
        while (!left.isEmpty() && System.currentTimeMillis() < gone) {
            Thread.sleep(10);
            left = ProcessTree.findMarked(marker);
        }
        assertEquals(List.of(), left);
    }

    @Test
    void environEntriesMatchWholeAndStatusesSayTheirSignal() {
        byte[] environ = "A=1\0LAMBDA_REQUEST_ID=abc-1\0B=2\0".getBytes(StandardCharsets.US_ASCII);
        assertTrue(ProcessTree.containsEntry(environ, "LAMBDA_REQUEST_ID=abc-1\0".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(ProcessTree.containsEntry(environ, "LAMBDA_REQUEST_ID=abc\0".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(ProcessTree.containsEntry(environ, "REQUEST_ID=abc-1\0".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(ProcessTree.containsEntry(environ, "A=1\0".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("status 3", ProcessTree.describeStatus(3));
        assertTrue(ProcessTree.describeStatus(137).startsWith("status 137 (128+9: killed by signal 9, SIGKILL"));
    }

    private static List<ProcessHandle> awaitDescendants(Process process, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        List<ProcessHandle> descendants = process.descendants().toList();
        while (descendants.size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(10);
            descendants = process.descendants().toList();
        }
        assertEquals(count, descendants.size());
        return descendants;
    }
}
