package dev.lambdabridge.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Invocation deadlines. No timer task per invocation: scheduling and cancelling one woke the timer thread twice
 * per invoke, a measurable share of the emulator's per-invoke cost on two cores; instead each invocation carries
 * its deadline and the emulator's shared tick ({@value #TICK_MILLIS} ms, the precision of "Task timed out") asks
 * for the expired ones.
 */
final class Deadlines {
    /** How often the emulator checks deadlines. */
    static final long TICK_MILLIS = 10;

    private Deadlines() {
    }

    /** Arms the deadline of {@code invocation}, {@code millis} from now. */
    static void arm(HostedInvocation invocation, long millis) {
        invocation.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** The invocations whose deadline has passed at {@code nowNanos}; their deadlines are disarmed. */
    static List<HostedInvocation> takeExpired(Collection<HostedInvocation> invocations, long nowNanos) {
        List<HostedInvocation> expired = List.of();
        for (HostedInvocation invocation : invocations) {
            if (invocation.deadlineNanos != 0 && nowNanos - invocation.deadlineNanos >= 0) {
                invocation.deadlineNanos = 0;
                if (expired.isEmpty()) {
                    expired = new ArrayList<>(1);
                }
                expired.add(invocation);
            }
        }
        return expired;
    }
}
