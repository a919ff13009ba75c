package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The runtime processes as the OS sees them: their peak RSS, and ending them. */
final class Processes {
    private Processes() {
    }

    /** VmHWM of a process, in MiB; NaN when /proc cannot tell. */
    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim()) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // fall through
        }
        return Double.NaN;
    }

    /**
     * Kills a runtime process (and its children); gently (SIGTERM first) when its log must be flushed. Waits by
     * polling: {@code ProcessHandle.onExit()} completes on the common ForkJoinPool, which the emulator's own
     * exit callbacks keep busy (up to 400 ms per exited process, one worker on 2 cores).
     */
    static void kill(long pid, boolean gently) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (gently) {
            process.destroy();
            if (awaitGone(process, 5_000)) {
                return;
            }
        }
        process.destroyForcibly();
        if (!awaitGone(process, 10_000)) {
            throw new IllegalStateException("runtime process " + pid + " still runs 10 s after SIGKILL");
        }
    }

    private static boolean awaitGone(ProcessHandle process, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
