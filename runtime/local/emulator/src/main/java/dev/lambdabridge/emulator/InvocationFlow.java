package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where one function's invocations flow: {@link #submit} queues one ({@link Dispatcher}); a slot and a
 * {@link Sandbox} (started on demand: the runtime and its extensions) take it; the runtime's {@code GET next}
 * gets it ({@link #deliver}, armed with its {@link Deadlines deadline}); the runtime's answer
 * ({@link RuntimeAnswers}), a timeout ({@link InvocationTimeouts}), a failed init ({@link InitPhase}) or an exit
 * ({@link SandboxExits}) ends it ({@link #finish}, reported by {@link InvocationReporter}), and the next one moves.
 *
 * <p>Every method but {@link #close} runs under the function's lock ({@code lock}, its {@link HostedFunction});
 * the pieces are not thread-safe on their own. Processes are killed outside the lock.
 */
final class InvocationFlow {
    private final Object lock;
    private final FunctionConfig config;
    private final String arn;
    private final PlatformLog log;
    private final Consumer<RuntimeProcess> onStart;
    private final Path optDir;
    private final Map<String, String> hostEnv;
    /** Watches a sandbox just started for the exits of its processes. */
    private final Consumer<Sandbox> watchExits;
    private final Dispatcher dispatcher;
    private final Sandboxes sandboxes;
    private final RuntimeAnswers answers;
    private final InvocationReporter reporter;
    private final FaultInjection faults;
    /** Where the runtime's output lines go besides the log: the tail of the one invocation in flight. */
    private volatile LogTail logTarget;
    private int runtimeApiPort;
    private boolean closed;

    InvocationFlow(Object lock, FunctionConfig config, String arn, PlatformLog log, Consumer<RuntimeProcess> onStart,
                   Path optDir, Map<String, String> hostEnv, FaultInjection faults, Consumer<Sandbox> watchExits) {
        this.lock = lock;
        this.config = config;
        this.arn = arn;
        this.log = log;
        this.onStart = onStart;
        this.optDir = optDir;
        this.hostEnv = hostEnv;
        this.faults = faults;
        this.watchExits = watchExits;
        this.dispatcher = new Dispatcher(config.maxConcurrency());
        this.sandboxes = new Sandboxes(lock, line -> log.line(null, line));
        this.answers = new RuntimeAnswers(dispatcher, log, (invocation, outcome) -> finish(invocation, outcome, true));
        this.reporter = new InvocationReporter(config, log);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Sandboxes sandboxes() {
        return sandboxes;
    }

    RuntimeAnswers answers() {
        return answers;
    }

    /** The tail the runtime's lines go to now (null with none or several invocations in flight). */
    LogTail logTarget() {
        return logTarget;
    }

    void runtimeApiPort(int port) {
        this.runtimeApiPort = port;
    }

    int runtimeApiPort() {
        return runtimeApiPort;
    }

    /** Whether {@link #close} began: nothing new starts. */
    boolean closed() {
        return closed;
    }

    /** Queues an invocation and moves the queue. */
    void submit(HostedInvocation invocation) {
        if (closed) {
            throw new IllegalStateException("function " + config.name() + " is closed: the emulator was closed");
        }
        dispatcher.enqueue(invocation);
        dispatch();
    }

    /** {@code GET next}: parks the exchange; delivers at once when an invocation waits. */
    void next(ParkedNext next) {
        Sandbox current = sandboxes.current();
        Double restore = current == null ? null : current.restoreDurationMs();
        Double init = current == null ? null : current.next();
        if (init != null) {
            for (HostedInvocation invocation : dispatcher.servedBy(current)) {
                if (invocation.coldStart) {
                    invocation.initDurationMs = init;
                    if (restore != null) {
                        log.line(invocation.tail(), "RESTORE_REPORT Restore Duration: " + Decimals.two(restore) + " ms");
                    }
                }
            }
        }
        dispatcher.park(next);
        deliverWaiting();
    }

    /** Starts queued invocations while a slot is free, and a sandbox when none runs. */
    void dispatch() {
        HostedInvocation next;
        while (!closed && (next = dispatcher.startNext()) != null) {
            updateLogTarget();
            if (sandboxes.current() == null && !startSandbox(next)) {
                continue;
            }
            next.sandbox = sandboxes.current();
            if (dispatcher.hasParked() && sandboxes.extensions().readyForInvoke()) {
                deliver(next);
            } else {
                Deadlines.arm(next, config.timeout().toMillis() + LambdaLimits.INIT_MILLIS);
            }
        }
    }

    private boolean startSandbox(HostedInvocation invocation) {
        invocation.coldStart = true;
        Sandbox started;
        try {
            started = Sandbox.start(config, optDir, runtimeApiPort, hostEnv, line -> log.line(logTarget, line),
                    line -> log.line(null, line), onStart);
        } catch (IOException | IllegalStateException e) {
            log.line(invocation.tail(), "RequestId: " + invocation.requestId() + " Error: " + e.getMessage());
            finish(invocation, Outcome.platformError(LambdaErrorTypes.INVALID_ENTRYPOINT, "RequestId: "
                    + invocation.requestId() + " Error: " + e.getMessage(), "error"), false);
            return false;
        }
        sandboxes.use(started);
        watchExits.accept(started);
        return true;
    }

    /** Delivers the first started invocation when the runtime and every extension wait for it. */
    void deliverWaiting() {
        if (!dispatcher.hasParked() || !sandboxes.extensions().readyForInvoke()) {
            return;
        }
        HostedInvocation waiting = dispatcher.firstWaiting(sandboxes.current());
        if (waiting != null) {
            deliver(waiting);
        }
    }

    private void deliver(HostedInvocation invocation) {
        invocation.deliver();
        long timeoutMillis = config.timeout().toMillis();
        log.start(invocation);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String traceId = Ids.traceId(System.currentTimeMillis());
        dispatcher.takeParked().deliver(invocation, arn, deadline, traceId);
        ExtensionHost extensions = sandboxes.extensions();
        extensions.invoke(invocation.requestId(), deadline, arn, traceId);
        if (extensions.hasSubscribers()) {
            extensions.publish("platform.start", Telemetry.start(invocation.requestId(), traceId));
        }
        Deadlines.arm(invocation, timeoutMillis);
    }

    /** Ends the invocation: END and REPORT lines, the result, then the next queued invocation. */
    void finish(HostedInvocation invocation, Outcome outcome, boolean answeredByRuntime) {
        RuntimeProcess served = invocation.process();
        if (answeredByRuntime && served != null) {
            served.catchUpLogs();
        }
        invocation.done();
        answers.answered(invocation.requestId());
        dispatcher.remove(invocation);
        updateLogTarget();
        InvokeResult result = reporter.report(invocation, outcome, sandboxes.extensions());
        dispatch();
        invocation.result().complete(result);
    }

    /** Ends the in-flight invocations the (now gone) sandbox was serving, with {@code errorType}. */
    void failInvocationsOf(Sandbox gone, String messageFormat, String errorType) {
        for (HostedInvocation other : dispatcher.servedBy(gone)) {
            if (!other.isDone()) {
                String message = String.format(messageFormat, other.requestId());
                log.exitError(other, message, errorType);
                finish(other, Outcome.platformError(errorType, message, "error"), false);
            }
        }
    }

    /**
     * The invocations given to a sandbox that is gone and not yet delivered to its runtime: queued to a runtime
     * that had answered its last invocation and then exited (as one does after an OutOfMemoryError), or waiting
     * for a runtime with fewer invoke loops than the concurrency. The runtime never had them, so a fresh one
     * serves them, as on Lambda; not the one whose cold start the sandbox was (its init failed), nor those of a
     * runtime the fault hook failed.
     */
    List<HostedInvocation> undelivered(Sandbox gone) {
        List<HostedInvocation> undelivered = new ArrayList<>();
        for (HostedInvocation current : dispatcher.servedBy(gone)) {
            if (current.state() == HostedInvocation.State.STARTED && !current.coldStart && !faults.faulted(gone)) {
                undelivered.add(current);
            }
        }
        return undelivered;
    }

    /** Retires the running sandbox and releases its parked {@code GET next}; the caller kills its runtime. */
    Sandbox retire(String shutdownReason) {
        Sandbox retired = sandboxes.retireCurrent(shutdownReason);
        dispatcher.abandonParked("runtime process of " + config.name() + " was stopped");
        return retired;
    }

    /**
     * The runtime's output lines go to the tail of the one invocation in flight; with several at once a line
     * cannot be told apart, so it goes to the log sink only.
     */
    void updateLogTarget() {
        logTarget = dispatcher.soleTail();
    }

    /**
     * Fails what is queued or in flight and kills the runtime process; takes the lock itself, not across the
     * shutdown phase or the kill. The process dies before its waiting {@code GET next} is answered, so that it
     * never sees (and logs) a 500 from an emulator that is going away.
     */
    void close() {
        synchronized (lock) {
            closed = true; // nothing new starts; what is in flight may still be answered during the shutdown phase
        }
        Sandbox victim = sandboxes.closeCurrent(); // SHUTDOWN, and up to 2 s for the extensions to finish
        Collection<HostedInvocation> pending;
        synchronized (lock) {
            pending = dispatcher.drain();
        }
        if (victim != null) {
            victim.runtime().kill();
        }
        synchronized (lock) {
            dispatcher.abandonParked("the emulator was closed");
        }
        pending.forEach(invocation -> invocation.result().completeExceptionally(new IllegalStateException(
                "invocation " + invocation.requestId() + " of " + config.name() + " cancelled: emulator closed")));
    }
}
