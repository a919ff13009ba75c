package dev.lambdabridge.reliability.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a soak found, as one markdown table, and the list of problems (empty when every invocation got exactly
 * its one right answer and nothing leaked).
 */
record SoakReport(String table, List<String> problems, long invocations, long lost, long duplicated, long leaked,
                  String logTail) {

    /**
     * Memory counts as flat when the live heap after a full GC (every runtime is a JVM) at the end is at most 10%
     * plus 8 MiB above the baseline's. RSS is reported beside it but not judged: a JVM's heap grows to its working
     * size after the start (7 MB responses, stdout buffers) and stays there, leak or not.
     */
    static boolean flat(long baselineKib, long endKib) {
        return endKib <= baselineKib * 11 / 10 + 8 * 1024;
    }

    /**
     * The emulator's Jetty pool, as /proc names its threads (15 characters: {@code lambda-emulator-12} and its
     * acceptors and selectors alike). It is bounded (64 threads and two per connector) and lets at most one idle
     * thread go per 60 s, so after a peak of 64 invocations at once it stays above the baseline for many minutes:
     * its threads are not compared; that none is left after the emulator closes is.
     */
    static final String JETTY_POOL = "lambda-emulator";

    /** Collects the findings while the run goes. */
    static final class Builder {
        private final SoakRun.Options options;
        private final List<SoakFunction> functions;
        private final List<String> problems = new ArrayList<>();
        private RuntimeSnapshot jvmBaseline;
        /** The emulator's descriptors the live runtimes explain at the baseline and at the end (SoakRun). */
        private int heldBaseline;
        private int heldEnd;
        private RuntimeSnapshot jvmEnd;
        private RuntimeSnapshot jvmAfterClose;
        private RuntimeSnapshot jvmBefore;
        private Map<String, RuntimeSnapshot> runtimesBaseline = Map.of();
        private Map<String, RuntimeSnapshot> runtimesMiddle = Map.of();
        private Map<String, RuntimeSnapshot> runtimesEnd = Map.of();
        private Map<String, RssSampler.Series> rss = Map.of();
        private boolean complete;
        private List<PauseDetector.Pause> pauses = List.of();
        private long[] longestSinkWait = {0, 0};
        private long leakedProcesses;
        private long leakedThreads;
        private long leakedDescriptors;

        Builder(SoakRun.Options options, List<SoakFunction> functions) {
            this.options = options;
            this.functions = functions;
        }

        /** @param held the emulator's descriptors the live runtime processes explain (SoakRun#heldByRuntimes) */
        void baseline(RuntimeSnapshot jvm, int held, Map<String, RuntimeSnapshot> runtimes) {
            jvmBaseline = jvm;
            heldBaseline = held;
            runtimesBaseline = runtimes;
        }

        void middle(Map<String, RuntimeSnapshot> runtimes) {
            runtimesMiddle = runtimes;
        }

        /** The RSS sampled from the baseline to the end: a problem when a surviving runtime's is not flat. */
        void rss(Map<String, RssSampler.Series> series) {
            rss = series;
            for (SoakFunction function : functions) {
                RssSampler.Series one = series.get(function.name());
                if (function.survives() && one != null && !one.flat()) {
                    problems.add(function.name() + ": the runtime's RSS is not flat (its second half's slope "
                            + "adds more than 10% + 16 MiB): " + one.describe());
                }
            }
        }

        void end(RuntimeSnapshot jvm, int held, Map<String, RuntimeSnapshot> runtimes, boolean complete) {
            jvmEnd = jvm;
            heldEnd = held;
            runtimesEnd = runtimes;
            this.complete = complete;
            leak("the emulator's JVM", jvmBaseline, jvmEnd, heldBaseline, heldEnd, JETTY_POOL);
            for (SoakFunction function : functions) {
                RuntimeSnapshot start = runtimesBaseline.get(function.name());
                RuntimeSnapshot last = runtimesEnd.get(function.name());
                if (!function.survives()) {
                    continue;
                }
                if (start == null || last == null || start.pid() != last.pid()) {
                    problems.add(function.name() + ": its runtime did not serve the whole run (pid "
                            + (start == null ? "none" : start.pid()) + " at the start, "
                            + (last == null ? "none" : last.pid()) + " at the end)");
                    continue;
                }
                leak("runtime " + function.name(), start, last, 0, 0, null);
                if (start.liveHeapKib() < 0 || last.liveHeapKib() < 0) {
                    problems.add(function.name() + ": cannot read the runtime's live heap (jcmd " + start.pid() + ")");
                } else if (!flat(start.liveHeapKib(), last.liveHeapKib())) {
                    problems.add(function.name() + ": the runtime's live heap after a full GC grew from "
                            + mib(start.liveHeapKib()) + " to " + mib(last.liveHeapKib()) + " MiB");
                }
            }
        }

        /**
         * @param heldStart descriptors of {@code start} that others explain (for the emulator: the two pipes and
         *                  the Runtime API connections of each live runtime process), not counted
         * @param pool      the name of a bounded thread pool whose threads are not counted (null: none)
         */
        private void leak(String what, RuntimeSnapshot start, RuntimeSnapshot end, int heldStart, int heldEnd,
                          String pool) {
            int pooledStart = pool == null ? 0 : start.threadNames().getOrDefault(pool, 0);
            int pooledEnd = pool == null ? 0 : end.threadNames().getOrDefault(pool, 0);
            int threadsGrownBy = (end.threads() - pooledEnd) - (start.threads() - pooledStart);
            if (threadsGrownBy > SoakRun.LEAK_SLACK) {
                leakedThreads += threadsGrownBy;
                problems.add(what + ": threads " + start.threads() + " -> " + end.threads() + ", new: "
                        + grown(start.threadNames(), end.threadNames()));
            }
            int grownBy = (end.descriptors() - heldEnd) - (start.descriptors() - heldStart);
            if (grownBy > SoakRun.LEAK_SLACK) {
                leakedDescriptors += grownBy;
                problems.add(what + ": file descriptors " + start.descriptors() + " -> " + end.descriptors()
                        + (heldStart == 0 && heldEnd == 0 ? "" : " (" + heldStart + " -> " + heldEnd
                                + " of them held for the live runtimes)")
                        + ", new: " + grown(start.descriptorKinds(), end.descriptorKinds()));
            }
        }

        private static Map<String, Integer> grown(Map<String, Integer> start, Map<String, Integer> end) {
            Map<String, Integer> grown = new java.util.TreeMap<>();
            end.forEach((kind, n) -> {
                int before = start.getOrDefault(kind, 0);
                if (n > before) {
                    grown.put(kind, n - before);
                }
            });
            return grown;
        }

        /** This JVM's pauses over the run, and the longest wait of a log line to enter the sink (ms, when). */
        void stalls(List<PauseDetector.Pause> pauses, long[] longestSinkWait) {
            this.pauses = pauses;
            this.longestSinkWait = longestSinkWait;
        }

        void leakedProcesses(String what, long count) {
            leakedProcesses += count;
            problems.add(what);
        }

        void afterClose(List<Long> left, RuntimeSnapshot jvm, RuntimeSnapshot before, List<String> threadsLeft) {
            jvmAfterClose = jvm;
            jvmBefore = before;
            if (!left.isEmpty()) {
                leakedProcesses(left.size() + " processes of the run alive 5 s after the emulator closed: " + left,
                        left.size());
            }
            if (!threadsLeft.isEmpty()) {
                leakedThreads += threadsLeft.size();
                problems.add("threads alive after the emulator closed: " + threadsLeft);
            }
            if (jvm.descriptors() - before.descriptors() > SoakRun.LEAK_SLACK) {
                leakedDescriptors += jvm.descriptors() - before.descriptors();
                problems.add("file descriptors of this JVM: " + before.descriptors() + " before the emulator started, "
                        + jvm.descriptors() + " after it closed");
            }
        }

        SoakReport build(Tally tally, double wallSeconds, String logTail) {
            List<String> all = new ArrayList<>(problems);
            long invocations = tally.invocations.sum();
            if (!complete) {
                all.add("stopped at the time limit (" + options.maxWall() + ") after " + invocations
                        + " invocations of " + options.invocations());
            }
            if (tally.lost.sum() > 0) {
                all.add(tally.lost.sum() + " invocations lost");
            }
            if (tally.duplicated.sum() > 0) {
                all.add(tally.duplicated.sum() + " invocations answered twice");
            }
            if (tally.misrouted.sum() > 0) {
                all.add(tally.misrouted.sum() + " invocations got another invocation's answer");
            }
            if (tally.wrong.sum() > 0) {
                all.add(tally.wrong.sum() + " invocations ended with the wrong result or errorType");
            }
            tally.examples().forEach(example -> all.add("  e.g. " + example));
            long leaked = leakedProcesses + leakedThreads + leakedDescriptors;
            return new SoakReport(table(tally, wallSeconds), all, invocations, tally.lost.sum(),
                    tally.duplicated.sum() + tally.misrouted.sum(), leaked, logTail);
        }

        private String table(Tally tally, double wallSeconds) {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("invocations", n(tally.invocations.sum()) + " (" + counts(tally.byFunction()) + ")");
            rows.put("faults by kind", counts(tally.byFault()));
            rows.put("concurrency (AWS_LAMBDA_MAX_CONCURRENCY, callers per function)",
                    options.concurrency() + (options.layers() == null ? ", runtimes from layers/dist"
                            : ", runtimes from the layers, a mount namespace each (/opt, /var/task, root read-only)"));
            rows.put("answered / expected errors / refused (malformed)", n(tally.answered.sum()) + " / "
                    + n(tally.expectedErrors.sum()) + " / " + n(tally.refused.sum()));
            rows.put("ended by another invocation's fault in their process (Runtime.ExitError, OutOfMemoryError)",
                    n(tally.collateral.sum()));
            rows.put("wrong result or errorType", n(tally.wrong.sum()));
            rows.put("lost", n(tally.lost.sum()));
            rows.put("duplicated (answered twice, or another invocation's answer)",
                    n(tally.duplicated.sum() + tally.misrouted.sum()));
            rows.put("leaked processes", n(leakedProcesses));
            rows.put("leaked threads / file descriptors", n(leakedThreads) + " / " + n(leakedDescriptors));
            rows.put("emulator JVM threads / fds: before start, baseline, end, after close (fds held for the live "
                            + "runtimes: their pipes and Runtime API connections)",
                    jvmBefore.threads() + ", " + jvmBaseline.threads() + ", " + jvmEnd.threads() + ", "
                            + jvmAfterClose.threads() + " / " + jvmBefore.descriptors() + ", "
                            + jvmBaseline.descriptors() + " (" + heldBaseline + "), " + jvmEnd.descriptors() + " ("
                            + heldEnd + "), " + jvmAfterClose.descriptors());
            rows.put("runtime RSS baseline -> half-way -> end, MiB [live heap after full GC, baseline -> end] "
                    + "(threads, fds baseline->end)", runtimes());
            if (options.nativeMemory()) {
                rows.put("runtime native memory committed (NMT), MiB, baseline -> half-way -> end: total [Java "
                        + "heap, class, thread, code, GC, the rest]; RSS outside it", nativeMemory());
            }
            rows.put("runtime RSS sampled every " + RssSampler.EVERY_MILLIS + " ms from the baseline: start -> end, "
                    + "max, least-squares slope", rssRows());
            rows.put("timeouts: deadline to answer (ms after the deadline; bridges answer before it)", timeouts(tally));
            rows.put("harness stalls: this JVM's wake-ups over " + PauseDetector.REPORTED_MILLIS + " ms late; the "
                    + "longest wait of a log line to enter the sink", stalls());
            rows.put("slowest invocation", n(tally.slowestMillis.get()) + " ms");
            rows.put("wall time", String.format(Locale.ROOT, "%.1f s (%.0f invocations/s)", wallSeconds,
                    tally.invocations.sum() / wallSeconds));
            rows.put("seed", Long.toString(options.seed()));
            StringBuilder table = new StringBuilder("| measure | value |\n| --- | --- |\n");
            rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            return table.toString();
        }

        private String runtimes() {
            List<String> parts = new ArrayList<>();
            runtimesBaseline.forEach((name, start) -> {
                RuntimeSnapshot last = runtimesEnd.get(name);
                RuntimeSnapshot middle = runtimesMiddle.get(name);
                if (last != null && last.pid() == start.pid()) {
                    parts.add(name + " " + mib(start.rssKib()) + " -> "
                            + (middle == null ? "?" : mib(middle.rssKib())) + " -> " + mib(last.rssKib()) + " [live heap "
                            + tenths(start.liveHeapKib()) + " -> " + tenths(last.liveHeapKib()) + "] ("
                            + start.threads() + "->" + last.threads() + ", " + start.descriptors() + "->"
                            + last.descriptors() + ")");
                }
            });
            return String.join("; ", parts);
        }

        private String stalls() {
            String late = pauses.isEmpty() ? "none" : pauses.size() + ", longest " + n(pauses.stream()
                    .mapToLong(PauseDetector.Pause::lateMillis).max().orElse(0)) + " ms (" + pauses.stream()
                    .map(p -> java.time.Instant.ofEpochMilli(p.endedAtMillis()).toString().substring(11, 19) + " "
                            + p.lateMillis() + " ms").collect(Collectors.joining(", ")) + ")";
            return late + "; " + n(longestSinkWait[0]) + " ms" + (longestSinkWait[0] == 0 ? ""
                    : " (" + java.time.Instant.ofEpochMilli(longestSinkWait[1]).toString().substring(11, 19) + ")");
        }

        private String nativeMemory() {
            List<String> parts = new ArrayList<>();
            runtimesBaseline.forEach((name, start) -> {
                RuntimeSnapshot middle = runtimesMiddle.get(name);
                RuntimeSnapshot last = runtimesEnd.get(name);
                if (last == null || last.pid() != start.pid() || start.nativeCommittedKib().isEmpty()) {
                    return;
                }
                List<RuntimeSnapshot> moments = middle == null ? List.of(start, last) : List.of(start, middle, last);
                List<String> columns = new ArrayList<>();
                for (String kind : List.of("Total", "Java Heap", "Class", "Thread", "Code", "GC")) {
                    columns.add(moments.stream().map(at -> Long.toString(mib(at.nativeCommittedKib()
                            .getOrDefault(kind, 0L)))).collect(Collectors.joining(" -> ")));
                }
                columns.add(moments.stream().map(at -> {
                    Map<String, Long> nmt = at.nativeCommittedKib();
                    long named = 0;
                    for (String kind : List.of("Java Heap", "Class", "Thread", "Code", "GC")) {
                        named += nmt.getOrDefault(kind, 0L);
                    }
                    return Long.toString(mib(nmt.getOrDefault("Total", 0L) - named));
                }).collect(Collectors.joining(" -> ")));
                String rssOutside = moments.stream().map(at -> Long.toString(mib(at.rssKib()
                        - at.nativeCommittedKib().getOrDefault("Total", 0L)))).collect(Collectors.joining(" -> "));
                parts.add(name + " " + columns.getFirst() + " [" + String.join("; ", columns.subList(1, columns.size()))
                        + "]; " + rssOutside);
            });
            return String.join("; ", parts);
        }

        private String rssRows() {
            List<String> parts = new ArrayList<>();
            rss.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(e.getKey() + " " + e.getValue().describe()));
            return String.join("; ", parts);
        }

        private static String timeouts(Tally tally) {
            List<String> parts = new ArrayList<>();
            tally.timeoutLateness().forEach((type, sorted) -> parts.add(type + " " + sorted.size() + ": p50 "
                    + sorted.get(sorted.size() / 2) + ", p99 " + sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)
                    + ", max " + sorted.getLast()));
            return parts.isEmpty() ? "none" : String.join("; ", parts);
        }

        private static String counts(Map<String, Long> counts) {
            return counts.entrySet().stream().map(e -> e.getKey() + " " + n(e.getValue()))
                    .collect(Collectors.joining(", "));
        }

        private static String n(long value) {
            return String.format(Locale.ROOT, "%,d", value);
        }

        private static String tenths(long kib) {
            return String.format(Locale.ROOT, "%.1f", kib / 1024.0);
        }

        private static long mib(long kib) {
            return Math.round(kib / 1024.0);
        }
    }
}
