package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One hosted function: where its invocations flow. {@link #submit} queues one ({@link Dispatcher}); a slot and a
 * {@link Sandbox} (started on demand: the runtime and its extensions) take it; the runtime's {@code GET next}
 * gets it ({@link #deliver}, armed with its {@link Deadlines deadline}); the runtime's answer
 * ({@link RuntimeAnswers}), a timeout, or a crash ends it ({@link #finish}, reported by
 * {@link InvocationReporter}), and the next one moves. Every state change happens under this object's lock;
 * the pieces are not thread-safe on their own. Processes are killed outside the lock.
 */
final class HostedFunction {
    private static final long EXIT_LOG_DRAIN_MILLIS = 200;
    private static final long INIT_ERROR_GRACE_MILLIS = 2_000;
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";
    /** How often the emulator checks deadlines: the precision of "Task timed out". */
    static final long DEADLINE_TICK_MILLIS = Deadlines.TICK_MILLIS;

    private final FunctionConfig config;
    private final String arn;
    private final FunctionDescription description;
    private final PlatformLog log;
    private final ScheduledExecutorService timers;
    private final Consumer<RuntimeProcess> onStart;
    private final Path optDir;
    private final Map<String, String> hostEnv;
    private final Dispatcher dispatcher;
    private final Sandboxes sandboxes;
    private final RuntimeAnswers answers;
    private final InvocationReporter reporter;
    private final FaultInjection faults = new FaultInjection();
    /** Where the runtime's output lines go besides the log: the tail of the one invocation in flight. */
    private volatile LogTail logTarget;
    private int runtimeApiPort;
    private boolean closed;

    HostedFunction(FunctionConfig config, PlatformLog log, ScheduledExecutorService timers,
                   Consumer<RuntimeProcess> onStart, Path optDir, Map<String, String> hostEnv) {
        this.config = config;
        this.hostEnv = hostEnv;
        this.arn = FunctionArn.of(RuntimeProcessEnvironment.regionOf(config, hostEnv), config.name());
        this.description = new FunctionDescription(config, arn);
        this.log = log;
        this.timers = timers;
        this.onStart = onStart;
        this.optDir = optDir;
        this.dispatcher = new Dispatcher(config.maxConcurrency());
        this.sandboxes = new Sandboxes(this, line -> log.line(null, line));
        this.answers = new RuntimeAnswers(dispatcher, log, (invocation, outcome) -> finish(invocation, outcome, true));
        this.reporter = new InvocationReporter(config, log);
    }

    FunctionConfig config() {
        return config;
    }

    String arn() {
        return arn;
    }

    /** What Lambda's API describes it with (FunctionReadApi). */
    FunctionDescription description() {
        return description;
    }

    synchronized void runtimeApiPort(int port) {
        this.runtimeApiPort = port;
    }

    synchronized int runtimeApiPort() {
        return runtimeApiPort;
    }

    /** Arms the fault hook: the next Runtime API call answers 500, as Lambda does on a fatal error. */
    void failNextCallWith500() {
        faults.arm();
    }

    /** Whether the fault hook is armed; disarms it. The runtime that gets the 500 is marked as failed by it. */
    boolean takeFault() {
        return faults.take(() -> {
            synchronized (this) {
                return sandboxes.current();
            }
        });
    }

    /** Queues an invocation; the future completes when the runtime (or a timeout, or a crash) ends it. */
    Invocation submit(InvokeRequest request, StreamSink sink) {
        Invocation invocation = new Invocation(request, sink);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("function " + config.name() + " is closed: the emulator was closed");
            }
            dispatcher.enqueue(invocation);
            dispatch();
        }
        return invocation;
    }

    // ---- the runtime's calls (Runtime API) ----

    /** {@code GET next}: parks the exchange; delivers at once when an invocation waits. */
    synchronized void next(ParkedNext next) {
        Sandbox current = sandboxes.current();
        Double restore = current == null ? null : current.restoreDurationMs();
        Double init = current == null ? null : current.next();
        if (init != null) {
            for (Invocation invocation : dispatcher.servedBy(current)) {
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

    synchronized RuntimeReply response(String requestId, byte[] body) {
        return answers.response(requestId, body);
    }

    synchronized RuntimeReply error(String requestId, byte[] body, String errorTypeHeader) {
        return answers.error(requestId, body, errorTypeHeader);
    }

    synchronized RuntimeAnswers.StreamOpening streamStart(String requestId, String contentType) {
        return answers.streamStart(requestId, contentType);
    }

    synchronized RuntimeReply streamEnd(String requestId, String errorType, String errorBodyBase64) {
        return answers.streamEnd(requestId, errorType, errorBodyBase64);
    }

    synchronized RuntimeReply streamTooLarge(String requestId) {
        return answers.streamTooLarge(requestId);
    }

    synchronized RuntimeReply responseTooLarge(String requestId) {
        return answers.responseTooLarge(requestId);
    }

    /** {@code POST /runtime/init/error}: the cold-starting invocations get the error; the sandbox is retired. */
    synchronized RuntimeReply initError(byte[] body, String errorTypeHeader) {
        Invocation delivered = dispatcher.anyDelivered();
        if (delivered != null) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION,
                    "init error after invocation " + delivered.requestId() + " was delivered: init is over");
        }
        Sandbox failed = retire("failure");
        if (failed != null) {
            timers.schedule(failed.runtime()::kill, INIT_ERROR_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        for (Invocation current : dispatcher.inFlight()) {
            log.line(current.tail(), "INIT_REPORT Init Duration: " + Decimals.two(failed == null ? 0
                    : failed.initDurationMs()) + " ms\tPhase: init\tStatus: error\tError Type: "
                    + (errorTypeHeader == null ? LambdaErrorTypes.UNKNOWN : errorTypeHeader));
            finish(current, Outcome.functionError(body), true);
        }
        return RuntimeReply.ACCEPTED;
    }

    /**
     * SnapStart's {@code GET restore/next}, after the runtime's init: answered at once, as a restore would answer
     * it (there is no snapshot to take or restore here). Only for a function started with
     * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, and once, before its first {@code GET next}.
     */
    synchronized RuntimeReply restoreNext() {
        if (!SNAP_START.equals(config.env().get(INITIALIZATION_TYPE))) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore/next is only for a "
                    + "SnapStart function (" + INITIALIZATION_TYPE + "=snap-start); " + config.name() + " is on-demand");
        }
        Sandbox current = sandboxes.current();
        if (current == null || !current.restore()) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore/next after the restore or "
                    + "after the first invocation/next: the restore phase of " + config.name() + " is over");
        }
        for (Invocation invocation : dispatcher.inFlight()) {
            log.line(invocation.tail(), "RESTORE_START");
        }
        return RuntimeReply.OK_EMPTY;
    }

    /**
     * SnapStart's {@code POST restore/error}: an after-restore hook failed; as with an init error, the
     * cold-starting invocations get the runtime's error and the sandbox is retired.
     */
    synchronized RuntimeReply restoreError(byte[] body, String errorTypeHeader) {
        Sandbox current = sandboxes.current();
        Double restore = current == null ? null : current.restoreDurationMs();
        if (restore == null || dispatcher.anyDelivered() != null) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore error outside the restore "
                    + "phase of " + config.name() + " (no restore/next was answered, or init is over)");
        }
        Sandbox failed = retire("failure");
        if (failed != null) {
            timers.schedule(failed.runtime()::kill, INIT_ERROR_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        for (Invocation invocation : dispatcher.inFlight()) {
            log.line(invocation.tail(), "RESTORE_REPORT Restore Duration: " + Decimals.two(restore)
                    + " ms\tStatus: error\tError Type: "
                    + (errorTypeHeader == null ? LambdaErrorTypes.UNKNOWN : errorTypeHeader));
            finish(invocation, Outcome.functionError(body), true);
        }
        return RuntimeReply.ACCEPTED;
    }

    /** The metadata endpoint's check: {@code token} is the running sandbox's AWS_LAMBDA_METADATA_TOKEN. */
    synchronized boolean metadataTokenValid(String token) {
        Sandbox current = sandboxes.current();
        return current != null && current.hasMetadataToken(token);
    }

    /** The region the function runs in (its AWS_REGION, else the emulator's). */
    String region() {
        return RuntimeProcessEnvironment.regionOf(config, hostEnv);
    }

    // ---- the extensions' calls (Extensions API, Telemetry API) ----

    synchronized ExtensionHost.Reply extensionRegister(String name, byte[] body) {
        return sandboxes.extensions().register(name, body, config);
    }

    /** {@code GET /extension/event/next}: null when kept; an extension back from an INVOKE may free the next one. */
    synchronized ExtensionHost.Reply extensionNext(String id, org.eclipse.jetty.server.Response response,
                                                   org.eclipse.jetty.util.Callback callback) {
        ExtensionHost.Reply refused = sandboxes.hostOf(id).next(id, response, callback);
        if (refused == null) {
            deliverWaiting();
        }
        return refused;
    }

    synchronized ExtensionHost.Reply extensionError(String id, String phase, String errorType) {
        return sandboxes.hostOf(id).reportError(id, phase, errorType);
    }

    synchronized ExtensionHost.Reply telemetrySubscribe(String id, byte[] body) {
        return sandboxes.hostOf(id).subscribe(id, body);
    }

    // ---- the emulator's own events: deadlines, exits ----

    /**
     * Called by the emulator's tick: times out the invocations whose deadline has passed, if any, each on a virtual
     * thread of its own, so that a kill and its wait never hold up the tick (shared by every function) or each other.
     */
    void checkDeadline(long nowNanos) {
        List<Invocation> expired;
        List<Sandbox> servedBy = List.of();
        synchronized (this) {
            expired = Deadlines.takeExpired(dispatcher.inFlight(), nowNanos);
            if (!expired.isEmpty()) {
                servedBy = new ArrayList<>();
                for (Invocation invocation : expired) {
                    servedBy.add(invocation.sandbox);
                }
            }
        }
        for (int i = 0; i < expired.size(); i++) {
            Invocation invocation = expired.get(i);
            Sandbox sandbox = servedBy.get(i);
            Thread.ofVirtual().name("timeout-" + invocation.requestId()).start(() -> onTimeout(invocation, sandbox));
        }
    }

    /**
     * Kills the runtime first, so that when the caller sees the timeout, the process is gone. Nothing when the
     * invocation has moved since its deadline passed ({@code servedBy}: its sandbox then): another timeout's kill
     * may have requeued it, undelivered, to a fresh runtime, with a deadline of its own.
     */
    private void onTimeout(Invocation invocation, Sandbox servedBy) {
        Sandbox victim;
        synchronized (this) {
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
            victim = sandboxes.isCurrent(invocation.sandbox) ? retire("timeout") : null;
        }
        if (victim != null) {
            invocation.maxMemoryUsedMb = victim.runtime().measureAndKill();
            // what it wrote before the kill is still in its pipes: into this invocation's log, as on Lambda
            victim.runtime().catchUpLogs();
        }
        synchronized (this) {
            if (dispatcher.inFlight(invocation.requestId()) != invocation || invocation.isDone()) {
                return;
            }
            if (victim != null) {
                // what the killed runtime had not asked for yet (it had fewer loops than the concurrency) was never
                // in it: a fresh runtime serves it, as after an exit
                List<Invocation> undelivered = undelivered(victim);
                undelivered.remove(invocation);
                dispatcher.requeueFirst(undelivered);
            }
            String seconds = config.timeoutSecondsText();
            log.timedOut(invocation, seconds);
            finish(invocation, Outcome.platformError(LambdaErrorTypes.TIMED_OUT, "RequestId: " + invocation.requestId()
                    + " Error: Task timed out after " + seconds + " seconds", "timeout"), false);
            if (victim != null) {
                failInvocationsOf(victim, "RequestId: %s Error: Runtime exited with error: signal: killed (another "
                        + "invocation of the process, " + invocation.requestId() + ", timed out)",
                        LambdaErrorTypes.EXIT_ERROR);
            }
        }
    }

    /** Ends the in-flight invocations the (now gone) sandbox was serving, with {@code errorType}. */
    private void failInvocationsOf(Sandbox gone, String messageFormat, String errorType) {
        for (Invocation other : dispatcher.servedBy(gone)) {
            if (!other.isDone()) {
                String message = String.format(messageFormat, other.requestId());
                log.exitError(other, message, errorType);
                finish(other, Outcome.platformError(errorType, message, "error"), false);
            }
        }
    }

    /**
     * An extension process exited while its environment was in use (not in the shutdown phase): as on Lambda the
     * environment is reset, and the invocations in flight fail with {@code Extension.Crash}.
     */
    private void onExtensionExit(Sandbox sandbox, RuntimeProcess extension) {
        Sandbox victim;
        synchronized (this) {
            if (!sandboxes.isCurrent(sandbox) || closed) {
                return;
            }
            log.line(logTarget, "EXTENSION\tpid " + extension.pid() + " exited (" + extension.exitDescription()
                    + "): the execution environment is reset");
            victim = retire("failure");
            failInvocationsOf(victim, "RequestId: %s Error: an extension exited with error: "
                    + extension.exitDescription(), LambdaErrorTypes.EXTENSION_CRASH);
            dispatch();
        }
        victim.runtime().kill();
    }

    /** The runtime process exited by itself (or was killed): its sandbox is retired, its invocations end. */
    private void onRuntimeExit(Sandbox sandbox) {
        RuntimeProcess exited = sandbox.runtime();
        exited.drainLogs(EXIT_LOG_DRAIN_MILLIS);
        synchronized (this) {
            if (!sandboxes.isCurrent(sandbox)) {
                return;
            }
            retire("failure");
            dispatcher.requeueFirst(undelivered(sandbox));
            failInvocationsOf(sandbox, "RequestId: %s Error: Runtime exited with error: " + exited.exitDescription(),
                    LambdaErrorTypes.EXIT_ERROR);
            updateLogTarget();
            dispatch();
        }
    }

    /**
     * The invocations given to a sandbox that is gone and not yet delivered to its runtime: queued to a runtime
     * that had answered its last invocation and then exited (as one does after an OutOfMemoryError), or waiting
     * for a runtime with fewer invoke loops than the concurrency. The runtime never had them, so a fresh one
     * serves them, as on Lambda; not the one whose cold start the sandbox was (its init failed), nor those of a
     * runtime the fault hook failed.
     */
    private List<Invocation> undelivered(Sandbox gone) {
        List<Invocation> undelivered = new ArrayList<>();
        for (Invocation current : dispatcher.servedBy(gone)) {
            if (current.state() == Invocation.State.STARTED && !current.coldStart && !faults.faulted(gone)) {
                undelivered.add(current);
            }
        }
        return undelivered;
    }

    /**
     * Whether {@code invocation} waits for a warm runtime that is serving others: given to it, not its cold start,
     * not yet asked for, while the runtime has an invocation delivered. Its deadline (the timeout plus the init
     * limit from when it was given) then measures the queue, not a runtime that stopped asking.
     */
    private boolean waitsForABusyRuntime(Invocation invocation) {
        if (invocation.state() != Invocation.State.STARTED || invocation.coldStart
                || !sandboxes.isCurrent(invocation.sandbox)) {
            return false;
        }
        for (Invocation other : dispatcher.servedBy(invocation.sandbox)) {
            if (other.isDelivered()) {
                return true;
            }
        }
        return false;
    }

    /** Retires the running sandbox and releases its parked {@code GET next}; the caller kills its runtime. */
    private Sandbox retire(String shutdownReason) {
        Sandbox retired = sandboxes.retireCurrent(shutdownReason);
        dispatcher.abandonParked("runtime process of " + config.name() + " was stopped");
        return retired;
    }

    // ---- the flow ----

    /** Starts queued invocations while a slot is free, and a sandbox when none runs. */
    private void dispatch() {
        Invocation next;
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

    private boolean startSandbox(Invocation invocation) {
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
        for (RuntimeProcess extension : started.extensions().processes()) {
            extension.exited().thenRunAsync(() -> onExtensionExit(started, extension),
                    task -> Thread.ofVirtual().name("extension-exit").start(task));
        }
        // on a thread of its own: onRuntimeExit waits for the log pumps, and must not hold a shared pool's worker
        started.runtime().exited().thenRunAsync(() -> onRuntimeExit(started),
                task -> Thread.ofVirtual().name("runtime-exit").start(task));
        return true;
    }

    /** Delivers the first started invocation when the runtime and every extension wait for it. */
    private void deliverWaiting() {
        if (!dispatcher.hasParked() || !sandboxes.extensions().readyForInvoke()) {
            return;
        }
        Invocation waiting = dispatcher.firstWaiting(sandboxes.current());
        if (waiting != null) {
            deliver(waiting);
        }
    }

    private void deliver(Invocation invocation) {
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
    private void finish(Invocation invocation, Outcome outcome, boolean answeredByRuntime) {
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

    /**
     * The runtime's output lines go to the tail of the one invocation in flight; with several at once a line
     * cannot be told apart, so it goes to the log sink only.
     */
    private void updateLogTarget() {
        logTarget = dispatcher.soleTail();
    }

    /**
     * Fails what is queued or in flight and kills the runtime process. The process dies before its waiting
     * {@code GET next} is answered, so that it never sees (and logs) a 500 from an emulator that is going away.
     */
    void close() {
        synchronized (this) {
            closed = true; // nothing new starts; what is in flight may still be answered during the shutdown phase
        }
        Sandbox victim = sandboxes.closeCurrent(); // SHUTDOWN, and up to 2 s for the extensions to finish
        Collection<Invocation> pending;
        synchronized (this) {
            pending = dispatcher.drain();
        }
        if (victim != null) {
            victim.runtime().kill();
        }
        synchronized (this) {
            dispatcher.abandonParked("the emulator was closed");
        }
        pending.forEach(invocation -> invocation.result().completeExceptionally(new IllegalStateException(
                "invocation " + invocation.requestId() + " of " + config.name() + " cancelled: emulator closed")));
    }
}
