package dev.lambdabridge.reliability.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The soak's counters, shared by the functions' threads. */
final class Tally {
    private static final int EXAMPLES = 20;
    final LongAdder invocations = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder expectedErrors = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder misrouted = new LongAdder();
    final LongAdder wrong = new LongAdder();
    /** Ended with the error of another invocation's fault that ended their shared process (the rule: README.md). */
    final LongAdder collateral = new LongAdder();
    final AtomicLong slowestMillis = new AtomicLong();
    private final Map<String, LongAdder> byFault = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byFunction = new ConcurrentHashMap<>();
    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
    /** Request ids of invocations that reached a runtime (refused ones never do), for the REPORT-line check. */
    final Set<String> served = ConcurrentHashMap.newKeySet();
    private final List<String> examples = new ArrayList<>();
    /** Runtime pids to which a fault that ends the process was delivered, with those faults' names. */
    private final Map<Long, Set<String>> endedBy = new ConcurrentHashMap<>();
    private final List<Candidate> candidates = new ArrayList<>();
    /** By errorType: how late after its deadline each timeout's answer came, in ms. */
    private final Map<String, List<Long>> timeoutLateness = new ConcurrentHashMap<>();

    /**
     * An invocation that ended with {@code Runtime.ExitError} or {@code java.lang.OutOfMemoryError} instead of its
     * own outcome, in a function with several invocations in flight per process.
     */
    record Candidate(String what, String requestId, long pid, String errorType, String payload) {
    }

    void endedBy(long pid, String fault) {
        if (pid > 0) {
            endedBy.computeIfAbsent(pid, p -> ConcurrentHashMap.newKeySet()).add(fault);
        }
    }

    synchronized void collateralCandidate(Candidate candidate) {
        candidates.add(candidate);
    }

    /**
     * Counts each candidate as collateral when its end is the one the rule allows: the runtime had the event (a
     * START line), a fault that ends the process was delivered to that same runtime, the runtime is gone, and an
     * OutOfMemoryError only where an out-of-memory fault was. Anything else is a wrong end.
     */
    synchronized void settleCollateral(LogCounter log) {
        for (Candidate candidate : candidates) {
            Set<String> faults = endedBy.getOrDefault(candidate.pid(), Set.of());
            String why = null;
            if (log.startMillis(candidate.requestId()) <= 0) {
                why = "never delivered to the runtime (no START line)";
            } else if (faults.isEmpty()) {
                why = "no fault ended runtime " + candidate.pid();
            } else if (ProcFs.alive(candidate.pid())) {
                why = "runtime " + candidate.pid() + " is still alive";
            } else if (candidate.errorType().equals("java.lang.OutOfMemoryError") && !faults.contains("oom")) {
                why = "an OutOfMemoryError in runtime " + candidate.pid() + ", which had no out-of-memory fault ("
                        + faults + ")";
            }
            if (why == null) {
                collateral.increment();
            } else {
                wrong.increment();
                example(candidate.what() + ": " + candidate.errorType() + ", " + why + ": " + candidate.payload());
            }
        }
        candidates.clear();
    }

    void timedOut(String errorType, long latenessMillis) {
        timeoutLateness.computeIfAbsent(errorType, t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(latenessMillis);
    }

    /** By errorType, the timeouts' lateness after their deadline, sorted. */
    Map<String, List<Long>> timeoutLateness() {
        Map<String, List<Long>> sorted = new TreeMap<>();
        timeoutLateness.forEach((type, values) -> {
            List<Long> copy;
            synchronized (values) {
                copy = new ArrayList<>(values);
            }
            java.util.Collections.sort(copy);
            sorted.put(type, copy);
        });
        return sorted;
    }

    void counted(String function, String fault) {
        invocations.increment();
        byFault.computeIfAbsent(fault, f -> new LongAdder()).increment();
        byFunction.computeIfAbsent(function, f -> new LongAdder()).increment();
    }

    /** Records a request id; false (and counts a duplicate) when it was seen before. */
    boolean firstAnswerFor(String requestId) {
        if (requestIds.add(requestId)) {
            return true;
        }
        duplicated.increment();
        example("request id " + requestId + " answered twice");
        return false;
    }

    void took(long millis) {
        slowestMillis.accumulateAndGet(millis, Math::max);
    }

    synchronized void example(String what) {
        if (examples.size() < EXAMPLES) {
            examples.add(what);
        }
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    Map<String, Long> byFault() {
        Map<String, Long> counts = new TreeMap<>();
        byFault.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    Map<String, Long> byFunction() {
        Map<String, Long> counts = new TreeMap<>();
        byFunction.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }
}
