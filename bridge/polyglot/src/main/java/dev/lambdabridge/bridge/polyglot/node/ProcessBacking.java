package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code process} and {@code os}'s Java half: clocks, memory, the log streams, and what the machine is. */
final class ProcessBacking {
    private ProcessBacking() {
    }

    static Members members(GuestErrors errors, Path cwd, OutputStream stdout, OutputStream stderr, long started) {
        return new Members(errors)
                .value("cwd", cwd.toString())
                .value("pid", ProcessHandle.current().pid())
                .value("ppid", ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L))
                .value("arch", arch())
                .value("uid", id("uid"))
                .value("gid", id("gid"))
                // nanoseconds since the runtime started (a JS number is exact to 2^53 ns: 104 days)
                .fn("hrtime", a -> (double) (System.nanoTime() - started))
                .fn("uptime", a -> (System.nanoTime() - started) / 1e9)
                .fn("memoryUsage", a -> memoryUsage())
                .fn("write", a -> {
                    NodeHost.write(a[0].asInt() == 2 ? stderr : stdout, a[1].asString());
                    return true;
                });
    }

    /** Node's name for the machine's architecture. */
    private static String arch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private static int id(String which) {
        try {
            return ((Number) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:" + which)).intValue();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Object memoryUsage() {
        Runtime runtime = Runtime.getRuntime();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<String, Object> usage = new LinkedHashMap<>();
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
        usage.put("rss", (double) (runtime.totalMemory() + nonHeap));
        usage.put("heapTotal", (double) runtime.totalMemory());
        usage.put("heapUsed", (double) heapUsed);
        usage.put("external", (double) nonHeap);
        usage.put("arrayBuffers", 0.0);
        return ProxyObject.fromMap(usage);
    }

    static Members os(GuestErrors errors) {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return new Members(errors)
                .value("release", System.getProperty("os.version"))
                .value("cpus", Runtime.getRuntime().availableProcessors())
                .value("user", System.getProperty("user.name"))
                .value("home", System.getProperty("user.home"))
                .fn("hostname", a -> hostname())
                .fn("loadavg", a -> Math.max(0, system.getSystemLoadAverage()))
                .fn("totalmem", a -> system instanceof com.sun.management.OperatingSystemMXBean sun
                        ? (double) sun.getTotalMemorySize() : (double) Runtime.getRuntime().maxMemory())
                .fn("freemem", a -> system instanceof com.sun.management.OperatingSystemMXBean sun
                        ? (double) sun.getFreeMemorySize() : (double) Runtime.getRuntime().freeMemory());
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
