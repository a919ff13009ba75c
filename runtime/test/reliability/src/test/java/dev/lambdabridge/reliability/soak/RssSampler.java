package dev.lambdabridge.reliability.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The RSS of each runtime that serves the whole run, read from /proc every {@value #EVERY_MILLIS} ms on a thread of
 * its own from the baseline to the end: start, end, maximum, and the least-squares slope over the samples. The
 * live-heap check after a full GC (SoakReport) finds a leak of Java objects; this one finds a growth of the
 * process (native memory, threads' stacks, the interpreter's or a guest language's own) that a heap check misses.
 */
final class RssSampler implements AutoCloseable {
    static final long EVERY_MILLIS = 500;
    /**
     * Shorter than this, the samples are not judged (only reported): over the half-minute a short run samples,
     * one resize of the JVM's heap is the whole slope (SoakTest's 1,500 invocations at 8 saw the Java runtime go
     * from 68 to 99 MiB in 32 s, its live heap 3.4 -> 3.2 MiB).
     */
    static final double JUDGED_AFTER_SECONDS = 120;

    /** One runtime's samples: seconds since the baseline, and VmRSS in KiB. */
    record Series(long pid, List<double[]> samples) {
        long startKib() {
            return (long) samples.getFirst()[1];
        }

        long endKib() {
            return (long) samples.getLast()[1];
        }

        long maxKib() {
            return (long) samples.stream().mapToDouble(s -> s[1]).max().orElse(0);
        }

        double seconds() {
            return samples.getLast()[0] - samples.getFirst()[0];
        }

        /** The least-squares slope, in MiB per minute. */
        double slopeMibPerMinute() {
            int n = samples.size();
            if (n < 2) {
                return 0;
            }
            double meanT = samples.stream().mapToDouble(s -> s[0]).average().orElse(0);
            double meanR = samples.stream().mapToDouble(s -> s[1]).average().orElse(0);
            double num = 0;
            double den = 0;
            for (double[] s : samples) {
                num += (s[0] - meanT) * (s[1] - meanR);
                den += (s[0] - meanT) * (s[0] - meanT);
            }
            return den == 0 ? 0 : num / den / 1024 * 60;
        }

        /** What the slope adds over the sampled time, in MiB. */
        double trendMib() {
            return slopeMibPerMinute() * seconds() / 60;
        }

        /** The samples of the second half of the time. */
        Series secondHalf() {
            double middle = (samples.getFirst()[0] + samples.getLast()[0]) / 2;
            return new Series(pid, samples.stream().filter(s -> s[0] >= middle).toList());
        }

        /**
         * Flat: over the second half of the sampled time, the least-squares slope adds at most 10% of the starting
         * RSS plus 16 MiB (the margin of the live-heap check, scaled to a process). The first half is left to the
         * JVM to grow its heap to what the run's peaks need (Serial GC keeps what it grew, up to the 85% of the
         * function's memory the bootstrap gives it: bounded, not a leak); a leak keeps growing after that. Not
         * judged under {@link #JUDGED_AFTER_SECONDS}.
         */
        boolean flat() {
            Series late = secondHalf();
            return seconds() < JUDGED_AFTER_SECONDS || late.samples().size() < 2
                    || late.trendMib() <= startKib() / 1024.0 * 0.10 + 16;
        }

        String describe() {
            return String.format(Locale.ROOT, "%d -> %d, max %d MiB, slope %+.2f MiB/min over %.0f s (second half "
                            + "%+.2f)", Math.round(startKib() / 1024.0), Math.round(endKib() / 1024.0),
                    Math.round(maxKib() / 1024.0), slopeMibPerMinute(), seconds(), secondHalf().slopeMibPerMinute());
        }
    }

    private final Supplier<Map<String, Long>> pids;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean stop;

    /** @param pids the pid of each runtime to sample, by function name (read at each sample) */
    RssSampler(Supplier<Map<String, Long>> pids) {
        this.pids = pids;
        sample();
        this.thread = Thread.ofPlatform().daemon().name("soak-rss").start(this::loop);
    }

    private void loop() {
        while (!stop) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        double t = (System.nanoTime() - startNanos) / 1e9;
        pids.get().forEach((name, pid) -> {
            long rss = ProcFs.rssKib(pid);
            if (rss <= 0) {
                return;
            }
            Series current = series.get(name);
            if (current == null || current.pid() != pid) {
                current = new Series(pid, new ArrayList<>()); // a new runtime: SoakReport reports that apart
                series.put(name, current);
            }
            current.samples().add(new double[] {t, rss});
        });
    }

    /** Stops sampling (after one last sample) and returns each runtime's series. */
    @Override
    public synchronized void close() {
        if (stop) {
            return;
        }
        stop = true;
        thread.interrupt();
        sample();
    }

    synchronized Map<String, Series> series() {
        return Map.copyOf(series);
    }
}
