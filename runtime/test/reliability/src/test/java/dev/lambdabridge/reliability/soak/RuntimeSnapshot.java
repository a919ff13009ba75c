package dev.lambdabridge.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Threads, open descriptors, RSS and (for a JVM) the live heap after a full GC of one process at one moment.
 * RSS alone cannot tell a leak in a JVM: the heap grows to its working size after the start and stays there;
 * the live heap after a full GC is what a leak makes grow.
 *
 * @param liveHeapKib     used heap after {@code jcmd PID GC.run}, or -1 when the process is not a JVM we can attach to
 * @param descriptorKinds open descriptors by what they point to (a file, or {@code pipe}, {@code socket}...), for
 *                        the report when their number grew
 * @param threadNames     threads by name, for the report when their number grew
 * @param nativeCommittedKib what the JVM has committed by Native Memory Tracking's category ({@code Java Heap},
 *                        {@code Class}, {@code Thread}, {@code Code}, {@code GC}, ..., and {@code Total}), when the
 *                        runtime runs with {@code -XX:NativeMemoryTracking=summary} (scripts/soak --nmt); else empty
 */
record RuntimeSnapshot(long pid, int threads, int descriptors, long rssKib, long liveHeapKib,
                       java.util.Map<String, Integer> descriptorKinds, java.util.Map<String, Integer> threadNames,
                       java.util.Map<String, Long> nativeCommittedKib) {
    private static final Pattern USED = Pattern.compile(
            "(?m)^(?:DefNew|Tenured|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K");
    /** NMT's summary lines: {@code Total: reserved=...KB, committed=...KB} and {@code -  Java Heap (reserved=...}. */
    private static final Pattern NMT = Pattern.compile(
            "(?m)^(?:(Total)|-\\s+([A-Za-z][A-Za-z ]*?)) ?:? ?\\(?reserved=\\d+KB, committed=(\\d+)KB");

    static RuntimeSnapshot of(long pid) {
        return new RuntimeSnapshot(pid, ProcFs.threads(pid), ProcFs.descriptors(pid), ProcFs.rssKib(pid), -1,
                ProcFs.descriptorKinds(pid), ProcFs.threadNames(pid), java.util.Map.of());
    }

    /**
     * With the live heap of a runtime's JVM (a full GC first, through jcmd), and with {@code nativeMemory} what
     * Native Memory Tracking says it has committed (after that GC).
     */
    static RuntimeSnapshot ofJvm(long pid, boolean nativeMemory) {
        long live = -1;
        if (jcmd(pid, "GC.run") != null) {
            String info = jcmd(pid, "GC.heap_info");
            if (info != null) {
                Matcher used = USED.matcher(info);
                while (used.find()) {
                    live = Math.max(live, 0) + Long.parseLong(used.group(1));
                }
            }
        }
        java.util.Map<String, Long> committed = new java.util.LinkedHashMap<>();
        String summary = nativeMemory ? jcmd(pid, "VM.native_memory summary") : null;
        if (summary != null) {
            Matcher line = NMT.matcher(summary);
            while (line.find()) {
                committed.put(line.group(1) != null ? line.group(1) : line.group(2).strip(),
                        Long.parseLong(line.group(3)));
            }
        }
        RuntimeSnapshot plain = of(pid);
        return new RuntimeSnapshot(pid, plain.threads(), plain.descriptors(), plain.rssKib(), live,
                plain.descriptorKinds(), plain.threadNames(), committed);
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
