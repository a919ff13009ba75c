package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a report says about the machine, the JVM, the source and the command: the same for every suite. */
final class Machine {
    private Machine() {
    }

    /**
     * A run's circumstances; load averages from /proc/loadavg (1, 5, 15 min).
     *
     * @param commit the short commit of the work tree (or "unknown"): part of the result files' names
     * @param dirty  whether the work tree had uncommitted changes
     * @param tools  the versions of the other programs the suite ran (interpreters, Node.js), one line each
     */
    record Environment(String date, String uname, int nproc, String cpu, String jvm, String command,
                       String harnessCommand, String loadAtStart, String loadAtEnd, String commit, boolean dirty,
                       List<String> tools) {

        String revision() {
            return commit + (dirty ? " + uncommitted changes" : "");
        }
    }

    /** The run's circumstances, taken at its end ({@code loadAtStart} was read at its start). */
    static Environment describe(String command, String loadAtStart, Path workTree, List<String> tools) {
        String uname = run("uname", "-srm");
        if (uname.isBlank()) {
            uname = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch");
        }
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        ProcessHandle.Info info = ProcessHandle.current().info();
        StringBuilder harness = new StringBuilder(quote(info.command().orElse("java")));
        for (String arg : info.arguments().orElse(new String[0])) {
            harness.append(' ').append(quote(arg));
        }
        int nproc;
        try {
            nproc = Integer.parseInt(run("nproc"));
        } catch (NumberFormatException e) {
            nproc = Runtime.getRuntime().availableProcessors();
        }
        String dir = workTree.toString();
        String commit = run("git", "-C", dir, "rev-parse", "--short", "HEAD");
        boolean git = !commit.isBlank() && !commit.contains(" ");
        boolean dirty = git && !run("git", "-C", dir, "status", "--porcelain", "--untracked-files=no").isBlank();
        return new Environment(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), uname, nproc, cpu(), jvm,
                command, harness.toString(), loadAtStart, loadAverage(), git ? commit : "unknown", dirty,
                List.copyOf(tools));
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // below
        }
        return "unknown CPU";
    }

    /** The 1, 5 and 15 minute load averages, or "?" off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** An argument as a POSIX shell would need it. */
    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Runs a command and returns its output (stdout and stderr), trimmed; empty when it cannot start. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
