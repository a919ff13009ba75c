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
    final AtomicLong slowestMillis = new AtomicLong();
    private final Map<String, LongAdder> byFault = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byFunction = new ConcurrentHashMap<>();
    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
    /** Request ids of invocations that reached a runtime (refused ones never do), for the REPORT-line check. */
    final Set<String> served = ConcurrentHashMap.newKeySet();
    private final List<String> examples = new ArrayList<>();

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
