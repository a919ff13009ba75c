package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the report says about the machine, the JVM, the source and the command. */
final class Machine {
    private Machine() {
    }

    /** The run's circumstances. */
    static Results.Environment describe(Setup setup, BenchmarkOptions options, String loadAtStart,
                                        String loadAtEnd) {
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
        return new Results.Environment(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), uname, nproc, jvm,
                setup.java().toString(), options.command(), harness.toString(), loadAtStart, loadAtEnd, revision(options));
    }

    /** The commit the runtime was built from, and whether the runtime's sources had uncommitted changes. */
    private static String revision(BenchmarkOptions options) {
        String dir = options.moduleDir().toString();
        String commit = run("git", "-C", dir, "rev-parse", "--short", "HEAD");
        if (commit.isBlank() || commit.contains(" ")) {
            return "unknown (not a git work tree)";
        }
        String dirty = run("git", "-C", dir, "status", "--porcelain", "--", "../../core", "../../serialization");
        return commit + (dirty.isBlank() ? "" : " + uncommitted changes in runtime/core or runtime/serialization");
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
