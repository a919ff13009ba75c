package dev.lambdabridge.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the soak reads of processes from Linux's /proc: descendants, threads, open descriptors, RSS, and which
 * processes carry a marker in their environment (that finds a leaked child even after its parent died and it
 * was re-parented away from the runtime). A process that ends while being read is skipped.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    /** Every process below {@code root} (children, their children, ...), not {@code root} itself. */
    static List<Long> descendants(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (long pid : pids()) {
            long parent = parentOf(pid);
            if (parent > 0) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid);
            }
        }
        List<Long> found = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(root));
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (long pid : frontier) {
                for (long child : children.getOrDefault(pid, List.of())) {
                    found.add(child);
                    next.add(child);
                }
            }
            frontier = next;
        }
        return found;
    }

    /** The processes whose environment holds {@code NAME=value} (only this user's processes are readable). */
    static List<Long> withEnvironment(String name, String value) {
        byte[] needle = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        List<Long> found = new ArrayList<>();
        for (long pid : pids()) {
            try {
                byte[] env = Files.readAllBytes(PROC.resolve(pid + "/environ"));
                if (containsEntry(env, needle)) {
                    found.add(pid);
                }
            } catch (IOException | SecurityException e) {
                // gone, or not ours
            }
        }
        return found;
    }

    private static boolean containsEntry(byte[] env, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(env, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** Threads of a process, or -1 when it is gone. */
    static int threads(long pid) {
        return countEntries(PROC.resolve(pid + "/task"));
    }

    /** Open file descriptors of a process, or -1 when it is gone. */
    static int descriptors(long pid) {
        return countEntries(PROC.resolve(pid + "/fd"));
    }

    /** Open descriptors by target: the file's path, or the kind ({@code pipe}, {@code socket}, {@code anon_inode}). */
    static Map<String, Integer> descriptorKinds(long pid) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    kinds.merge(target.replaceAll(":\\[.*", ""), 1, Integer::sum);
                } catch (IOException e) {
                    // closed while listed
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /**
     * How many of the TCP connections {@code pid} holds go to one of {@code ports} on this host (/proc/PID/fd's
     * sockets looked up in /proc/net/tcp and tcp6 by inode): a runtime's connections to the Runtime API, whose other
     * ends the emulator holds.
     */
    static int connectionsTo(long pid, java.util.Set<Integer> ports) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listed
                }
            }
        } catch (IOException e) {
            return 0;
        }
        int count = 0;
        for (String table : List.of("tcp", "tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(pid + "/net/" + table))) {
                    String[] fields = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (fields.length > 9 && fields[2].contains(":") && inodes.contains(fields[9])) {
                        int remotePort = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                        if (ports.contains(remotePort)) {
                            count++;
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone while read
            }
        }
        return count;
    }

    /** Threads by name ({@code /proc/PID/task/TID/comm}, cut to 15 characters, digits folded to #), for reports. */
    static Map<String, Integer> threadNames(long pid) {
        Map<String, Integer> names = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(PROC.resolve(pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.merge(Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#"), 1,
                            Integer::sum);
                } catch (IOException e) {
                    // ended while listed
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return names;
    }

    /** Resident set size in KiB ({@code VmRSS}), or -1 when the process is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static int countEntries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> pids.add(Long.parseLong(n)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** The parent pid from /proc/PID/stat (after the command name, which may hold spaces and parentheses). */
    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(rest[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
