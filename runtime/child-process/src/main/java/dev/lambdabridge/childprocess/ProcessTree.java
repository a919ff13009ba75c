package dev.lambdabridge.childprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process with everything it started, so that no child is left behind, and waits until they are gone.
 * Used by the process bridge (an {@code exec:} program, a worker) and the emulator (a runtime process).
 *
 * <p>Two nets: the process's descendants as the kernel links them now ({@link ProcessHandle#descendants()},
 * taken before any kill, since a killed parent's children are re-parented away from us), and, when the caller
 * gave the process a marker variable, the processes whose environment carries it ({@code LAMBDA_REQUEST_ID=<id>}
 * for an {@code exec:} program, {@code LAMBDA_BRIDGE_WORKER_SOCKET=<path>} for a worker). Children inherit the
 * environment, so the second net also finds what escaped the first: a background process whose parent already
 * exited, or one forked while the tree was being killed. It reads {@code /proc/<pid>/environ} of every process of
 * ours (a few on Lambda; ~7 ms for 80 processes on a development machine), so it is used only when something must
 * be killed. Without a marker, the descendants are listed again while new ones show up (a child forking while
 * being killed), up to {@value #ROUNDS} times; each listing is a scan of all of /proc (4-100 ms on a loaded
 * 2-core machine), so one round is enough when there were none.
 *
 * <p>Everything is killed with SIGKILL ({@link ProcessHandle#destroyForcibly()}): a program that traps SIGTERM
 * must not outlive its deadline. The wait polls {@code isAlive()} rather than waiting on {@code onExit()}: that
 * future completes on the JDK's common pool (one worker on 2 cores, shared with everything else) and, for a
 * process that is not our child, only after the JDK's 300 ms+ polling; a dead child is reaped at once by its own
 * reaper thread, so it stops being alive within a poll.
 */
public final class ProcessTree {
    private static final int ROUNDS = 5;
    private static final long POLL_MILLIS = 2;

    private ProcessTree() {
    }

    /**
     * Kills {@code root}, its descendants and the processes marked with {@code marker} ({@code NAME=value}, may
     * be null); waits up to {@code waitMillis} for {@code root} to be gone (the process bridge: it reports a
     * timeout right after, and a killed grandchild whose parent died with it can stay a zombie, alive to
     * {@code isAlive()}, for the whole wait: seen, 2.9 s in place of 1.3 s). Never kills the JVM itself.
     *
     * @return how many processes besides {@code root} were killed
     */
    public static int kill(ProcessHandle root, String marker, long waitMillis) {
        List<ProcessHandle> killed = killAll(root, null, marker);
        awaitGone(List.of(root), waitMillis);
        return killed.size() - 1;
    }

    /**
     * Kills {@code root} and its descendants, starting from the {@code descendantsNow} the caller has just listed
     * (null: list them), and waits up to {@code waitMillis} for every one of them to be gone (the emulator: the
     * next runtime must not meet the last one's processes).
     */
    public static void killAndAwaitAll(ProcessHandle root, List<ProcessHandle> descendantsNow, long waitMillis) {
        awaitGone(killAll(root, descendantsNow, null), waitMillis);
    }

    /** Kills the tree (and the marked processes); returns what it killed, {@code root} last. */
    private static List<ProcessHandle> killAll(ProcessHandle root, List<ProcessHandle> descendantsNow, String marker) {
        List<ProcessHandle> killed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> descendants = round == 0 && descendantsNow != null ? descendantsNow
                    : root.descendants().toList();
            root.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(descendants);
            if (descendants.isEmpty() || marker != null) {
                break; // nothing that could fork more, or the marker's net catches what did
            }
        }
        if (marker != null) {
            List<ProcessHandle> marked = findMarked(marker);
            marked.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(marked);
        }
        killed.add(root);
        return killed;
    }

    private static void awaitGone(List<ProcessHandle> processes, long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (ProcessHandle process : processes) {
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

    /** Kills every process (but this one) whose initial environment holds {@code marker}; returns how many. */
    public static int killMarked(String marker) {
        List<ProcessHandle> marked = findMarked(marker);
        marked.forEach(ProcessHandle::destroyForcibly);
        return marked.size();
    }

    /** The processes (but this one) whose initial environment holds {@code marker} ({@code NAME=value}). */
    public static List<ProcessHandle> findMarked(String marker) {
        byte[] needle = (marker + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> marked = new ArrayList<>();
        for (ProcessHandle process : (Iterable<ProcessHandle>) ProcessHandle.allProcesses()::iterator) {
            if (process.pid() == self || process.pid() <= 1) {
                continue;
            }
            byte[] environ;
            try {
                environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            } catch (IOException | SecurityException notOursOrGone) {
                continue;
            }
            if (containsEntry(environ, needle) && process.isAlive()) {
                marked.add(process);
            }
        }
        return marked;
    }

    /** Whether {@code environ} (NUL-separated entries) holds the entry {@code needle} (which ends with NUL). */
    public static boolean containsEntry(byte[] environ, byte[] needle) {
        outer:
        for (int start = 0; start + needle.length <= environ.length; ) {
            for (int k = 0; k < needle.length; k++) {
                if (environ[start + k] != needle[k]) {
                    int next = indexOf(environ, (byte) 0, start);
                    if (next < 0) {
                        return false;
                    }
                    start = next + 1;
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "status 3"}, or for 129-192 also the signal it most likely means. */
    public static String describeStatus(int status) {
        if (status > 128 && status <= 128 + 64) {
            int signal = status - 128;
            return "status " + status + " (128+" + signal + ": killed by signal " + signal + signalName(signal) + ")";
        }
        return "status " + status;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> ", SIGHUP";
            case 2 -> ", SIGINT";
            case 6 -> ", SIGABRT";
            case 9 -> ", SIGKILL: out of memory, or killed from outside";
            case 11 -> ", SIGSEGV: a crash";
            case 13 -> ", SIGPIPE";
            case 15 -> ", SIGTERM";
            default -> "";
        };
    }
}
