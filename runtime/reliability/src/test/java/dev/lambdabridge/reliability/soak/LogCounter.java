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
    private static final int KEPT = 300;
    private final Map<String, Integer> reports = new HashMap<>();
    private final Deque<String> last = new ArrayDeque<>();
    private long lines;

    @Override
    public synchronized void accept(String line) {
        lines++;
        if (line.startsWith(REPORT)) {
            int end = line.indexOf('\t', REPORT.length());
            reports.merge(line.substring(REPORT.length(), end < 0 ? line.length() : end), 1, Integer::sum);
        }
        last.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
        if (last.size() > KEPT) {
            last.removeFirst();
        }
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

    synchronized String tail() {
        return String.join("\n", last);
    }
}
