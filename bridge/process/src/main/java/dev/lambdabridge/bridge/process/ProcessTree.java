package dev.lambdabridge.bridge.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a program with everything it started, so that no child is left behind.
 *
 * <p>Two nets: the process's descendants as the kernel links them now ({@link ProcessHandle#descendants()},
 * taken before any kill, since a killed parent's children are re-parented away from us), and the processes whose
 * environment carries a marker variable this bridge gave the program ({@code LAMBDA_REQUEST_ID=<id>} for an
 * {@code exec:} program, {@code LAMBDA_BRIDGE_WORKER_SOCKET=<path>} for a worker). Children inherit the
 * environment, so the second net also finds what escaped the first: a background process whose parent already
 * exited. It reads {@code /proc/<pid>/environ} of every process of ours (a few on Lambda; ~7 ms for 80 processes on
 * a development machine), so it is used only when something must be killed, never on a successful invocation.
 *
 * <p>Everything is killed with SIGKILL ({@link ProcessHandle#destroyForcibly()}): a program that traps SIGTERM
 * must not outlive its deadline.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * Kills {@code root}, its descendants and the processes marked with {@code marker} ({@code NAME=value}, may
     * be null); waits up to {@code waitMillis} for {@code root} to be gone. Never kills the runtime itself.
     *
     * @return how many processes besides {@code root} were killed
     */
    static int kill(Process root, String marker, long waitMillis) {
        List<ProcessHandle> doomed = new ArrayList<>();
        if (root != null) {
            root.descendants().forEach(doomed::add);
            root.destroyForcibly();
        }
        doomed.forEach(ProcessHandle::destroyForcibly);
        int killed = doomed.size() + (marker == null ? 0 : killMarked(marker));
        if (root != null && waitMillis > 0) {
            try {
                root.waitFor(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return killed;
    }

    /** Kills every process (but this one) whose initial environment holds {@code marker}; returns how many. */
    static int killMarked(String marker) {
        List<ProcessHandle> marked = findMarked(marker);
        marked.forEach(ProcessHandle::destroyForcibly);
        return marked.size();
    }

    /** The processes (but this one) whose initial environment holds {@code marker} ({@code NAME=value}). */
    static List<ProcessHandle> findMarked(String marker) {
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
    static boolean containsEntry(byte[] environ, byte[] needle) {
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
    static String describeStatus(int status) {
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
