package dev.lambdabridge.reliability.soak;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The emulator's log sink: counts the REPORT lines per request id (each invocation that reached the emulator's
 * queue ends with exactly one) and keeps the last lines for diagnostics. Bounded: stderr floods pass through it.
 */
final class LogCounter implements Consumer<String> {
    private static final String REPORT = "REPORT RequestId: ";
    private static final String START = "START RequestId: ";
    private static final int KEPT = 300;
    private final Map<String, Integer> reports = new HashMap<>();
    /**
     * When each START line came (epoch ms): the emulator writes it as it delivers the event, just before it
     * sets the deadline it gives the runtime (now + the timeout), so that it dates the deadline within a
     * millisecond.
     */
    private final Map<String, Long> starts = new HashMap<>();
    private final Deque<String> last = new ArrayDeque<>();
    private long lines;
    /** The longest any line waited to enter this sink (ns), and when that wait ended (epoch ms). */
    private long longestWaitNanos;
    private long longestWaitAtMillis;
    /** Where every line also goes (null: nowhere), for a look at a whole run's log. */
    private final java.io.PrintStream copy;

    /** @param copyTo a file for a copy of every line (each after its arrival's epoch ms), or null */
    LogCounter(java.nio.file.Path copyTo) throws java.io.IOException {
        // buffered: the emulator calls the sink under its functions' locks, so a write(2) per line (floods of 2,000
        // lines from 64 invocations at once) would be done while every function waits
        this.copy = copyTo == null ? null : new java.io.PrintStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(copyTo), 1 << 20), false, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Every platform line and every line a runtime wrote; how long it waited to get in is kept ({@link
     * #longestWait()}): the emulator writes to its sink under its functions' locks, so a sink that stalls stalls
     * every function.
     */
    @Override
    public void accept(String line) {
        long arrived = System.nanoTime();
        synchronized (this) {
            long waited = System.nanoTime() - arrived;
            if (waited > longestWaitNanos) {
                longestWaitNanos = waited;
                longestWaitAtMillis = System.currentTimeMillis();
            }
            count(line);
        }
    }

    private void count(String line) {
        lines++;
        if (copy != null) {
            copy.println(System.currentTimeMillis() + " " + line);
        }
        if (line.startsWith(START)) {
            int end = line.indexOf(' ', START.length());
            starts.put(line.substring(START.length(), end < 0 ? line.length() : end), System.currentTimeMillis());
        } else if (line.startsWith(REPORT)) {
            int end = line.indexOf('\t', REPORT.length());
            reports.merge(line.substring(REPORT.length(), end < 0 ? line.length() : end), 1, Integer::sum);
        }
        last.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
        if (last.size() > KEPT) {
            last.removeFirst();
        }
    }

    /** The longest wait of a line to enter the sink: milliseconds, and when it ended (epoch ms). */
    synchronized long[] longestWait() {
        return new long[] {longestWaitNanos / 1_000_000, longestWaitAtMillis};
    }

    /** When the START line of {@code requestId} came, or 0 when none did. */
    synchronized long startMillis(String requestId) {
        return starts.getOrDefault(requestId, 0L);
    }

    synchronized int reports(String requestId) {
        return reports.getOrDefault(requestId, 0);
    }

    synchronized Map<String, Integer> reports() {
        return Map.copyOf(reports);
    }

    synchronized long lines() {
        return lines;
    }

    /** Flushes and closes the copy of the log, if any. */
    synchronized void closeCopy() {
        if (copy != null) {
            copy.close();
        }
    }

    synchronized String tail() {
        return String.join("\n", last);
    }
}
