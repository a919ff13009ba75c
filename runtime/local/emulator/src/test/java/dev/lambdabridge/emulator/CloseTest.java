package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** close() leaves no process behind: not the runtime, not its descendants. */
class CloseTest {
    @Test
    void closeKillsRuntimesAndTheirDescendants() throws Exception {
        List<ProcessHandle> seen = new ArrayList<>();
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            // a runtime that forks two grandchildren and never answers
            emulator.addFunction(FunctionConfig.of("forker", "h", Path.of("target"))
                    .withCommand(List.of("sh", "-c", "sleep 600 & sleep 600 & sleep 600")));
            emulator.addFunction(FunctionConfig.of("second", "h", Path.of("target"))
                    .withCommand(List.of("sh", "-c", "sleep 600 & wait")));
            emulator.invokeAsync("forker", InvokeRequest.of("{}"));
            emulator.invokeAsync("second", InvokeRequest.of("{}"));
            assertEquals(2, emulator.runtimePids().size());
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                seen.clear();
                for (long pid : emulator.runtimePids()) {
                    ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
                    seen.add(root);
                    seen.addAll(root.descendants().toList());
                }
                if (seen.size() >= 5) {
                    break;
                }
                Thread.sleep(20);
            }
            assertTrue(seen.size() >= 5, "runtimes and descendants: " + seen);
        }
        for (ProcessHandle process : seen) {
            assertFalse(process.isAlive(), "still alive after close: " + process.pid() + " " + process.info());
        }
    }
}
