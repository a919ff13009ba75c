package dev.lambdabridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process and all its descendants, and waits until they are gone. */
final class ProcessTree {
    private static final int ROUNDS = 5;
    private static final long POLL_MILLIS = 2;

    private ProcessTree() {
    }

    /**
     * Kills (SIGKILL) the descendants, then the root, repeating while new descendants show up (a child forking
     * while being killed), and waits up to the limit for all of them to exit. The wait polls {@code isAlive()}
     * rather than waiting on {@code onExit()}: that future completes on the JDK's common pool (one worker on 2
     * cores, shared with everything else) and, for a process that is not our child, only after the JDK's 300 ms+
     * polling; a dead child is reaped at once by its own reaper thread, so it stops being alive within a poll.
     */
    static void kill(ProcessHandle root, long waitMillis) {
        kill(root, null, waitMillis);
    }

    /** Same, starting from {@code descendants} the caller has just listed (null: list them). */
    static void kill(ProcessHandle root, List<ProcessHandle> descendantsNow, long waitMillis) {
        List<ProcessHandle> killed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> descendants = round == 0 && descendantsNow != null ? descendantsNow
                    : root.descendants().toList(); // a scan of all of /proc: 4-100 ms on a loaded 2-core machine
            descendants.forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
            killed.addAll(descendants);
            if (descendants.isEmpty()) {
                break; // nothing that could fork more: one scan is enough
            }
        }
        killed.add(root);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (ProcessHandle process : killed) {
            while (process.isAlive() && deadline - System.nanoTime() > 0) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
