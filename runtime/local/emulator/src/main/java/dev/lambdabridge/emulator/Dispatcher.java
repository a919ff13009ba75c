package dev.lambdabridge.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue of one function: invocations waiting for a slot, the ones in flight (started or delivered; at most
 * the function's concurrency, in start order) and the runtime's parked {@code GET next} exchanges. It decides what
 * moves next; the function does the moving. Guarded by the function's lock.
 */
final class Dispatcher {
    private final int maxConcurrency;
    private final ArrayDeque<HostedInvocation> queue = new ArrayDeque<>();
    private final Map<String, HostedInvocation> inFlight = new LinkedHashMap<>();
    private final ArrayDeque<ParkedNext> parked = new ArrayDeque<>();

    Dispatcher(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    void enqueue(HostedInvocation invocation) {
        queue.add(invocation);
    }

    /** Puts invocations back at the head of the queue, in their order (their sandbox went away undelivered). */
    void requeueFirst(List<HostedInvocation> invocations) {
        for (int i = invocations.size() - 1; i >= 0; i--) {
            HostedInvocation invocation = invocations.get(i);
            inFlight.remove(invocation.requestId());
            invocation.requeue();
            queue.addFirst(invocation);
        }
    }

    /** The next queued invocation, now STARTED and in flight, when a slot is free; else null. */
    HostedInvocation startNext() {
        if (inFlight.size() >= maxConcurrency || queue.isEmpty()) {
            return null;
        }
        HostedInvocation next = queue.poll();
        inFlight.put(next.requestId(), next);
        next.start();
        return next;
    }

    /** The in-flight invocation with this id, or null. */
    HostedInvocation inFlight(String requestId) {
        return inFlight.get(requestId);
    }

    /** A snapshot of the invocations in flight, in start order. */
    List<HostedInvocation> inFlight() {
        return List.copyOf(inFlight.values());
    }

    /** The in-flight invocations served by {@code sandbox}. */
    List<HostedInvocation> servedBy(Sandbox sandbox) {
        List<HostedInvocation> served = new ArrayList<>();
        for (HostedInvocation invocation : inFlight.values()) {
            if (invocation.sandbox == sandbox) {
                served.add(invocation);
            }
        }
        return served;
    }

    /** The first STARTED invocation of {@code sandbox}: the one the runtime's next {@code GET next} gets. */
    HostedInvocation firstWaiting(Sandbox sandbox) {
        for (HostedInvocation invocation : inFlight.values()) {
            if (invocation.state() == HostedInvocation.State.STARTED && invocation.sandbox == sandbox) {
                return invocation;
            }
        }
        return null;
    }

    /** An invocation in flight that the runtime has, or null. */
    HostedInvocation anyDelivered() {
        for (HostedInvocation invocation : inFlight.values()) {
            if (invocation.isDelivered()) {
                return invocation;
            }
        }
        return null;
    }

    void remove(HostedInvocation invocation) {
        inFlight.remove(invocation.requestId());
    }

    /** The tail the runtime's output goes to: that of the one invocation in flight; with several, none. */
    LogTail soleTail() {
        return inFlight.size() == 1 ? inFlight.values().iterator().next().tail() : null;
    }

    void park(ParkedNext next) {
        parked.add(next);
    }

    boolean hasParked() {
        return !parked.isEmpty();
    }

    ParkedNext takeParked() {
        return parked.poll();
    }

    /** Releases every parked exchange: the runtime that asked is gone. */
    void abandonParked(String why) {
        while (!parked.isEmpty()) {
            parked.poll().abandon(why);
        }
    }

    /** Empties the queue and the in-flight table; returns the invocations not done, in flight first. */
    Collection<HostedInvocation> drain() {
        List<HostedInvocation> pending = new ArrayList<>();
        for (HostedInvocation invocation : inFlight.values()) {
            if (!invocation.isDone()) {
                pending.add(invocation);
            }
        }
        pending.addAll(queue);
        queue.clear();
        inFlight.clear();
        return pending;
    }
}
