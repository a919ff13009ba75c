package dev.lambdabridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process and all its descendants, and waits until they are gone. */
final class ProcessTree {
    private static final int ROUNDS = 5;

    private ProcessTree() {
    }

    /**
     * Kills (SIGKILL) the descendants, then the root, repeating while new descendants show up (a child forking
     * while being killed), and waits up to the limit for all of them to exit.
     */
    static void kill(ProcessHandle root, long waitMillis) {
        List<ProcessHandle> killed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> descendants = root.descendants().toList();
            if (descendants.isEmpty() && !root.isAlive()) {
                break;
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
            killed.addAll(descendants);
        }
        killed.add(root);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (ProcessHandle process : killed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillAliveOrInterrupted) {
                if (stillAliveOrInterrupted instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
