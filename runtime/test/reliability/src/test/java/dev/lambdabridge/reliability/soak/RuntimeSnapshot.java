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
 */
record RuntimeSnapshot(long pid, int threads, int descriptors, long rssKib, long liveHeapKib,
                       java.util.Map<String, Integer> descriptorKinds, java.util.Map<String, Integer> threadNames) {
    private static final Pattern USED = Pattern.compile(
            "(?m)^(?:DefNew|Tenured|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K");

    static RuntimeSnapshot of(long pid) {
        return new RuntimeSnapshot(pid, ProcFs.threads(pid), ProcFs.descriptors(pid), ProcFs.rssKib(pid), -1,
                ProcFs.descriptorKinds(pid), ProcFs.threadNames(pid));
    }

    /** With the live heap of a runtime's JVM (a full GC first, through jcmd). */
    static RuntimeSnapshot ofJvm(long pid) {
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
        RuntimeSnapshot plain = of(pid);
        return new RuntimeSnapshot(pid, plain.threads(), plain.descriptors(), plain.rssKib(), live,
                plain.descriptorKinds(), plain.threadNames());
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
