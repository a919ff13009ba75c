package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.contract.LambdaLimits;

import java.util.ArrayList;
import java.util.List;

/**
 * "Task timed out": the emulator's tick finds the invocations whose deadline passed ({@link Deadlines}); each is
 * timed out on a virtual thread of its own, so that a kill and its wait never hold up the tick (shared by every
 * function) or each other. The runtime is killed first, outside the function's lock, so that when the caller sees
 * the timeout the process is gone; what it wrote before the kill goes into the invocation's log, as on Lambda.
 */
final class InvocationTimeouts {
    private final Object lock;
    private final FunctionConfig config;
    private final PlatformLog log;
    private final InvocationFlow flow;

    InvocationTimeouts(Object lock, FunctionConfig config, PlatformLog log, InvocationFlow flow) {
        this.lock = lock;
        this.config = config;
        this.log = log;
        this.flow = flow;
    }

    /** Called by the emulator's tick: times out the invocations whose deadline has passed, if any. */
    void check(long nowNanos) {
        List<HostedInvocation> expired;
        List<Sandbox> servedBy = List.of();
        synchronized (lock) {
            expired = Deadlines.takeExpired(flow.dispatcher().inFlight(), nowNanos);
            if (!expired.isEmpty()) {
                servedBy = new ArrayList<>();
                for (HostedInvocation invocation : expired) {
                    servedBy.add(invocation.sandbox);
                }
            }
        }
        for (int i = 0; i < expired.size(); i++) {
            HostedInvocation invocation = expired.get(i);
            Sandbox sandbox = servedBy.get(i);
            Thread.ofVirtual().name("timeout-" + invocation.requestId()).start(() -> timeOut(invocation, sandbox));
        }
    }

    /**
     * Kills the runtime, then ends the invocation. Nothing when the invocation has moved since its deadline passed
     * ({@code servedBy}: its sandbox then): another timeout's kill may have requeued it, undelivered, to a fresh
     * runtime, with a deadline of its own.
     */
    private void timeOut(HostedInvocation invocation, Sandbox servedBy) {
        Dispatcher dispatcher = flow.dispatcher();
        Sandbox victim;
        synchronized (lock) {
            if (dispatcher.inFlight(invocation.requestId()) != invocation || invocation.isDone()
                    || invocation.sandbox != servedBy) {
                return;
            }
            if (waitsForABusyRuntime(invocation)) {
                // queued behind the invocations of a runtime with fewer loops than the concurrency: not a hang
                Deadlines.arm(invocation, config.timeout().toMillis() + LambdaLimits.INIT_MILLIS);
                return;
            }
            invocation.endedNanos = System.nanoTime();
            victim = flow.sandboxes().isCurrent(invocation.sandbox) ? flow.retire("timeout") : null;
        }
        if (victim != null) {
            invocation.maxMemoryUsedMb = victim.runtime().measureAndKill();
            // what it wrote before the kill is still in its pipes: into this invocation's log, as on Lambda
            victim.runtime().catchUpLogs();
        }
        synchronized (lock) {
            if (dispatcher.inFlight(invocation.requestId()) != invocation || invocation.isDone()) {
                return;
            }
            if (victim != null) {
                // what the killed runtime had not asked for yet (it had fewer loops than the concurrency) was never
                // in it: a fresh runtime serves it, as after an exit
                List<HostedInvocation> undelivered = flow.undelivered(victim);
                undelivered.remove(invocation);
                dispatcher.requeueFirst(undelivered);
            }
            String seconds = config.timeoutSecondsText();
            log.timedOut(invocation, seconds);
            flow.finish(invocation, Outcome.platformError(LambdaErrorTypes.TIMED_OUT, "RequestId: "
                    + invocation.requestId() + " Error: Task timed out after " + seconds + " seconds", "timeout"), false);
            if (victim != null) {
                flow.failInvocationsOf(victim, "RequestId: %s Error: Runtime exited with error: signal: killed "
                        + "(another invocation of the process, " + invocation.requestId() + ", timed out)",
                        LambdaErrorTypes.EXIT_ERROR);
            }
        }
    }

    /**
     * Whether {@code invocation} waits for a warm runtime that is serving others: given to it, not its cold start,
     * not yet asked for, while the runtime has an invocation delivered. Its deadline (the timeout plus the init
     * limit from when it was given) then measures the queue, not a runtime that stopped asking.
     */
    private boolean waitsForABusyRuntime(HostedInvocation invocation) {
        if (invocation.state() != HostedInvocation.State.STARTED || invocation.coldStart
                || !flow.sandboxes().isCurrent(invocation.sandbox)) {
            return false;
        }
        for (HostedInvocation other : flow.dispatcher().servedBy(invocation.sandbox)) {
            if (other.isDelivered()) {
                return true;
            }
        }
        return false;
    }
}
