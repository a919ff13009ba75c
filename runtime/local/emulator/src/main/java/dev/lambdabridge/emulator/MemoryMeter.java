package dev.lambdabridge.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * "Max Memory Used": the peak resident size (VmHWM in {@code /proc/<pid>/status}) of the runtime process plus
 * that of its descendants. Listing descendants scans all of /proc, so that list is refreshed at most every
 * {@link #DESCENDANTS_REFRESH_NANOS}; a short-lived descendant between two refreshes is not counted. Reading
 * a status file costs ~15 us, so a reading is reused for {@link #READING_REUSE_NANOS}: back-to-back invocations
 * may report a peak up to that much older.
 */
final class MemoryMeter {
    private static final long DESCENDANTS_REFRESH_NANOS = 1_000_000_000L;
    private static final long READING_REUSE_NANOS = 50_000_000L;
    private static final String FIELD = "VmHWM:";

    private final ProcessHandle root;
    private List<ProcessHandle> descendants = List.of();
    private long descendantsAt = Long.MIN_VALUE / 2;
    private long readingAt = Long.MIN_VALUE / 2;
    private int readingMb;

    MemoryMeter(ProcessHandle root) {
        this.root = root;
    }

    /** The peak in MB, rounded up; 0 when /proc cannot tell. */
    synchronized int maxUsedMb() {
        long now = System.nanoTime();
        if (now - readingAt < READING_REUSE_NANOS) {
            return readingMb;
        }
        if (now - descendantsAt > DESCENDANTS_REFRESH_NANOS) {
            descendants = root.descendants().toList();
            descendantsAt = now;
        }
        return read(now);
    }

    /** The same, now, with the descendants the caller just listed (it scanned /proc already). */
    synchronized int maxUsedMb(List<ProcessHandle> currentDescendants) {
        long now = System.nanoTime();
        descendants = currentDescendants;
        descendantsAt = now;
        return read(now);
    }

    private int read(long now) {
        long kb = highWaterKb(root.pid());
        for (ProcessHandle descendant : descendants) {
            kb += highWaterKb(descendant.pid());
        }
        readingAt = now;
        readingMb = (int) ((kb + 1023) / 1024);
        return readingMb;
    }

    static long highWaterKb(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            int at = status.indexOf(FIELD);
            if (at < 0) {
                return 0;
            }
            int end = status.indexOf(" kB", at);
            return Long.parseLong(status.substring(at + FIELD.length(), end).trim());
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
