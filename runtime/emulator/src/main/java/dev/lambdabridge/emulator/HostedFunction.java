package dev.lambdabridge.emulator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One function and its sandbox: a queue of invocations served by one runtime process, one at a time or up to
 * {@link FunctionConfig#maxConcurrency()} at once (Lambda Managed Instances), the process started on the first
 * invoke and restarted after a timeout, a crash or an init error. Every state change happens under
 * this object's lock; the Runtime API handler and the Invoke API call in here.
 */
final class HostedFunction {
    /** Lambda's limit for the init phase, added to the timeout until the runtime asks for its first event. */
    private static final long INIT_LIMIT_MILLIS = 10_000;
    private static final long EXIT_LOG_DRAIN_MILLIS = 200;
    private static final long INIT_ERROR_GRACE_MILLIS = 2_000;
    private static final int RECENT_IDS = 64;

    private final FunctionConfig config;
    private final String arn;
    private final PlatformLog log;
    private final ScheduledExecutorService timers;
    private final Consumer<RuntimeProcess> onStart;
    private final java.nio.file.Path optDir;
    /** The extensions of the running environment (started with its runtime process). */
    private volatile ExtensionHost extensions;
    /** Environments whose extensions are in their shutdown phase: their calls still reach them. */
    private final List<ExtensionHost> retiring = new ArrayList<>();
    private final ArrayDeque<Invocation> queue = new ArrayDeque<>();
    private final ArrayDeque<ParkedNext> parked = new ArrayDeque<>();
    private final Set<String> answered = Collections.newSetFromMap(new LinkedHashMap<>(128, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_IDS;
        }
    });
    private final AtomicBoolean fail500 = new AtomicBoolean();
    /** How often the emulator checks deadlines: the precision of "Task timed out". */
    static final long DEADLINE_TICK_MILLIS = 10;

    private volatile LogTail logTarget;
    private int runtimeApiPort;
    /** The invocations started and not yet done: at most {@link FunctionConfig#maxConcurrency()}, in start order. */
    private final Map<String, Invocation> inFlight = new LinkedHashMap<>();
    private RuntimeProcess process;
    /** The runtime that got the injected 500: its exit fails the invocation in flight, delivered or not. */
    private RuntimeProcess faulted;
    private boolean closed;

    HostedFunction(FunctionConfig config, PlatformLog log, ScheduledExecutorService timers,
                   Consumer<RuntimeProcess> onStart, java.nio.file.Path optDir) {
        this.optDir = optDir;
        this.extensions = ExtensionHost.empty(this::platformLine);
        this.config = config;
        this.arn = FunctionArn.of(RuntimeEnvironment.regionOf(config), config.name());
        this.log = log;
        this.timers = timers;
        this.onStart = onStart;
    }

    FunctionConfig config() {
        return config;
    }

    String arn() {
        return arn;
    }

    synchronized void runtimeApiPort(int port) {
        this.runtimeApiPort = port;
    }

    synchronized int runtimeApiPort() {
        return runtimeApiPort;
    }

    /** Arms the fault hook: the next Runtime API call answers 500, as Lambda does on a fatal error. */
    void failNextCallWith500() {
        fail500.set(true);
    }

    /** Whether the fault hook is armed; disarms it. The runtime that gets the 500 is marked as failed by it. */
    boolean takeFault() {
        boolean fired = fail500.get() && fail500.getAndSet(false);
        if (fired) {
            synchronized (this) {
                faulted = process;
            }
        }
        return fired;
    }

    /** Queues an invocation; the future completes when the runtime (or a timeout, or a crash) ends it. */
    Invocation submit(InvokeRequest request, StreamSink sink) {
        Invocation invocation = new Invocation(request, sink);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("function " + config.name() + " is closed: the emulator was closed");
            }
            queue.add(invocation);
            dispatch();
        }
        return invocation;
    }

    // ---- the runtime's calls ----

    /** {@code GET next}: parks the exchange; delivers at once when an invocation waits. */
    synchronized void next(ParkedNext next) {
        Double init = process == null ? null : process.firstNext();
        if (init != null) {
            for (Invocation invocation : inFlight.values()) {
                if (invocation.process == process && invocation.coldStart) {
                    invocation.initDurationMs = init;
                }
            }
        }
        parked.add(next);
        deliverWaiting();
    }

    /** Delivers the first started invocation when the runtime and every extension wait for it. */
    private void deliverWaiting() {
        if (parked.isEmpty() || !extensions.readyForInvoke()) {
            return;
        }
        for (Invocation invocation : inFlight.values()) {
            if (invocation.state == Invocation.State.STARTED && invocation.process == process) {
                deliver(invocation);
                return;
            }
        }
    }

    // ---- the extensions' calls (Extensions API, Telemetry API) ----

    synchronized ExtensionHost.Reply extensionRegister(String name, byte[] body) {
        return extensions.register(name, body, config);
    }

    /** {@code GET /extension/event/next}: null when kept; an extension back from an INVOKE may free the next one. */
    synchronized ExtensionHost.Reply extensionNext(String id, org.eclipse.jetty.server.Response response,
                                                   org.eclipse.jetty.util.Callback callback) {
        ExtensionHost.Reply refused = hostOf(id).next(id, response, callback);
        if (refused == null) {
            deliverWaiting();
        }
        return refused;
    }

    synchronized ExtensionHost.Reply extensionError(String id, String phase, String errorType) {
        return hostOf(id).reportError(id, phase, errorType);
    }

    synchronized ExtensionHost.Reply telemetrySubscribe(String id, byte[] body) {
        return hostOf(id).subscribe(id, body);
    }

    /** The environment an extension belongs to: the running one, or one shutting down. */
    private ExtensionHost hostOf(String id) {
        for (ExtensionHost host : retiring) {
            if (host.knows(id)) {
                return host;
            }
        }
        return extensions;
    }

    /** Runs the shutdown phase of {@code host}'s extensions, then forgets it. */
    private void shutDown(ExtensionHost host, String reason) {
        try {
            host.shutdown(reason, this);
        } finally {
            synchronized (this) {
                retiring.remove(host);
            }
        }
    }

    synchronized RuntimeReply response(String requestId, byte[] body) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return refused;
        }
        Invocation current = inFlight.get(requestId);
        finish(current, Outcome.success(body), true);
        return RuntimeReply.ACCEPTED;
    }

    synchronized RuntimeReply error(String requestId, byte[] body, String errorTypeHeader) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return refused;
        }
        Invocation current = inFlight.get(requestId);
        if (errorTypeHeader != null) {
            log.line(current.tail(), "RequestId: " + requestId + " Function error type: " + errorTypeHeader);
            current.streamErrorType = errorTypeHeader;
        }
        finish(current, Outcome.functionError(body), true);
        return RuntimeReply.ACCEPTED;
    }

    /** What {@link #streamStart} decided: a refusal for the runtime, or the sink the stream goes to. */
    record StreamOpening(RuntimeReply refusal, StreamSink sink) {
    }

    /** A streamed response begins ({@code Lambda-Runtime-Function-Response-Mode: streaming}). */
    synchronized StreamOpening streamStart(String requestId, String contentType) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return new StreamOpening(refused, null);
        }
        Invocation current = inFlight.get(requestId);
        if (current.streaming) {
            return new StreamOpening(RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION,
                    "Invocation " + requestId + " is already streaming its response"), null);
        }
        current.streaming = true;
        current.sink.start(requestId, contentType);
        return new StreamOpening(null, current.sink);
    }

    /**
     * The streamed response ended; with {@code errorType} (the trailer) the function failed part-way, and
     * {@code errorBodyBase64} is its error JSON.
     */
    synchronized RuntimeReply streamEnd(String requestId, String errorType, String errorBodyBase64) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return refused;
        }
        Invocation current = inFlight.get(requestId);
        if (errorType == null) {
            finish(current, Outcome.success(current.sink.buffered()), true);
            return RuntimeReply.ACCEPTED;
        }
        log.line(current.tail(), "RequestId: " + requestId + " Function error type: " + errorType);
        current.streamErrorType = errorType;
        finish(current, Outcome.functionError(decodeErrorBody(errorType, errorBodyBase64)), true);
        return RuntimeReply.ACCEPTED;
    }

    private static byte[] decodeErrorBody(String errorType, String base64) {
        if (base64 != null) {
            try {
                return Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                return ErrorBodies.runtime(errorType, "the runtime sent a " + RuntimeApiHeaders.FUNCTION_ERROR_BODY
                        + " trailer that is not base64: " + base64);
            }
        }
        return ErrorBodies.runtime(errorType, "the function's response stream failed (no "
                + RuntimeApiHeaders.FUNCTION_ERROR_BODY + " trailer)");
    }

    /** A streamed response went over 200 MB: the invocation fails with Function.ResponseSizeTooLarge; 413. */
    synchronized RuntimeReply streamTooLarge(String requestId) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return refused;
        }
        Invocation current = inFlight.get(requestId);
        String message = "Response payload size exceeded maximum allowed payload size ("
                + Limits.STREAM_RESPONSE_BYTES + " bytes).";
        current.streamErrorType = ErrorTypes.RESPONSE_TOO_LARGE;
        log.line(current.tail(), "RequestId: " + requestId + " Error: " + message);
        finish(current, Outcome.functionError(ErrorBodies.runtime(ErrorTypes.RESPONSE_TOO_LARGE, message)), true);
        return RuntimeReply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE, "Exceeded maximum allowed streamed payload size ("
                + Limits.STREAM_RESPONSE_BYTES + " bytes) for " + requestId);
    }

    /** A response over the size limit: the invocation fails with Function.ResponseSizeTooLarge; answers 413. */
    synchronized RuntimeReply responseTooLarge(String requestId) {
        RuntimeReply refused = checkAnswerable(requestId);
        if (refused != null) {
            return refused;
        }
        Invocation current = inFlight.get(requestId);
        String message = "Response payload size exceeded maximum allowed payload size ("
                + Limits.RESPONSE_PAYLOAD_BYTES + " bytes).";
        finish(current, Outcome.functionError(ErrorBodies.runtime(ErrorTypes.RESPONSE_TOO_LARGE, message)), true);
        return RuntimeReply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE, "Exceeded maximum allowed payload size ("
                + Limits.RESPONSE_PAYLOAD_BYTES + " bytes), got a larger response for " + requestId);
    }

    /** {@code POST /runtime/init/error}: the cold-starting invocation gets the error; the runtime is retired. */
    synchronized RuntimeReply initError(byte[] body, String errorTypeHeader) {
        for (Invocation delivered : inFlight.values()) {
            if (delivered.state == Invocation.State.DELIVERED) {
                return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION,
                        "init error after invocation " + delivered.requestId() + " was delivered: init is over");
            }
        }
        RuntimeProcess failed = process;
        process = null;
        shutDownExtensions("failure");
        if (failed != null) {
            timers.schedule(failed::kill, INIT_ERROR_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        for (Invocation current : List.copyOf(inFlight.values())) {
            log.line(current.tail(), "INIT_REPORT Init Duration: " + Decimals.two(failed == null ? 0
                    : failed.msSinceStart()) + " ms\tPhase: init\tStatus: error\tError Type: "
                    + (errorTypeHeader == null ? ErrorTypes.UNKNOWN : errorTypeHeader));
            finish(current, Outcome.functionError(body), true);
        }
        return RuntimeReply.ACCEPTED;
    }

    private RuntimeReply checkAnswerable(String requestId) {
        Invocation current = inFlight.get(requestId);
        if (current != null && current.state == Invocation.State.DELIVERED) {
            return null;
        }
        return answered.contains(requestId) ? RuntimeReply.alreadyAnswered(requestId)
                : RuntimeReply.unknownId(requestId);
    }

    // ---- the emulator's own events ----

    /** Kills the runtime first, so that when the caller sees the timeout, the process is gone. */
    private void onTimeout(Invocation invocation) {
        RuntimeProcess victim;
        synchronized (this) {
            if (inFlight.get(invocation.requestId()) != invocation || invocation.isDone()) {
                return;
            }
            invocation.endedNanos = System.nanoTime();
            victim = invocation.process == process ? retireProcess("timeout") : null;
        }
        if (victim != null) {
            invocation.maxMemoryUsedMb = victim.maxMemoryUsedMb(); // read before the kill: /proc goes with it
            victim.kill();
        }
        synchronized (this) {
            if (inFlight.get(invocation.requestId()) != invocation || invocation.isDone()) {
                return;
            }
            String seconds = config.timeoutSecondsText();
            log.timedOut(invocation, seconds);
            finish(invocation, Outcome.platformError(ErrorTypes.TIMED_OUT, "RequestId: " + invocation.requestId()
                    + " Error: Task timed out after " + seconds + " seconds", "timeout"), false);
            if (victim != null) {
                failInvocationsOf(victim, "RequestId: %s Error: Runtime exited with error: signal: killed (another "
                        + "invocation of the process, " + invocation.requestId() + ", timed out)");
            }
        }
    }

    /** Ends the in-flight invocations the (now gone) runtime was serving, with Runtime.ExitError. */
    private void failInvocationsOf(RuntimeProcess gone, String messageFormat) {
        failInvocationsOf(gone, messageFormat, ErrorTypes.EXIT_ERROR);
    }

    private void failInvocationsOf(RuntimeProcess gone, String messageFormat, String errorType) {
        for (Invocation other : List.copyOf(inFlight.values())) {
            if (other.process == gone && !other.isDone()) {
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
    private void onExtensionExit(ExtensionHost host, RuntimeProcess extension) {
        RuntimeProcess victim;
        synchronized (this) {
            if (extensions != host || closed) {
                return;
            }
            log.line(logTarget, "EXTENSION\tpid " + extension.pid() + " exited (" + extension.exitDescription()
                    + "): the execution environment is reset");
            victim = retireProcess("failure");
            if (victim != null) {
                failInvocationsOf(victim, "RequestId: %s Error: an extension exited with error: "
                        + extension.exitDescription(), ErrorTypes.EXTENSION_CRASH);
            }
            dispatch();
        }
        if (victim != null) {
            victim.kill();
        }
    }

    private void onExit(RuntimeProcess exited) {
        exited.drainLogs(EXIT_LOG_DRAIN_MILLIS);
        synchronized (this) {
            if (exited != process) {
                return;
            }
            retireProcess("failure");
            List<Invocation> undelivered = new ArrayList<>();
            for (Invocation current : List.copyOf(inFlight.values())) {
                if (current.state == Invocation.State.STARTED && !current.coldStart
                        && current.process == exited && exited != faulted) {
                    // Queued to a runtime that had answered its last invocation and then exited (as one does
                    // after an OutOfMemoryError): never delivered, so a fresh runtime serves it, as on Lambda.
                    inFlight.remove(current.requestId());
                    current.process = null;
                    current.state = Invocation.State.QUEUED;
                    current.deadlineNanos = 0;
                    undelivered.add(current);
                }
            }
            failInvocationsOf(exited, "RequestId: %s Error: Runtime exited with error: " + exited.exitDescription());
            for (int i = undelivered.size() - 1; i >= 0; i--) {
                queue.addFirst(undelivered.get(i));
            }
            updateLogTarget();
            dispatch();
        }
    }

    /** Forgets the runtime process (its exchanges too); the caller kills it if needed. */
    private RuntimeProcess retireProcess(String shutdownReason) {
        RuntimeProcess retired = process;
        process = null;
        shutDownExtensions(shutdownReason);
        while (!parked.isEmpty()) {
            parked.poll().abandon("runtime process of " + config.name() + " was stopped");
        }
        return retired;
    }

    /** The environment ends: its extensions get SHUTDOWN and their 2 s, on a thread of their own. */
    private void shutDownExtensions(String reason) {
        ExtensionHost retired = extensions;
        extensions = ExtensionHost.empty(this::platformLine);
        if (!retired.isEmpty()) {
            retiring.add(retired);
            Thread.ofVirtual().name("extensions-shutdown").start(() -> shutDown(retired, reason));
        }
    }

    // ---- the queue ----

    /** Starts queued invocations while fewer than the function's concurrency are in flight, and a runtime if none runs. */
    private void dispatch() {
        while (inFlight.size() < config.maxConcurrency() && !queue.isEmpty()) {
            Invocation next = queue.poll();
            inFlight.put(next.requestId(), next);
            next.state = Invocation.State.STARTED;
            updateLogTarget();
            if (process == null && !startProcess(next)) {
                continue;
            }
            next.process = process;
            if (!parked.isEmpty() && extensions.readyForInvoke()) {
                deliver(next);
            } else {
                scheduleTimeout(next, config.timeout().toMillis() + INIT_LIMIT_MILLIS);
            }
        }
    }

    private boolean startProcess(Invocation invocation) {
        invocation.coldStart = true;
        try {
            // external extensions start before the runtime, as on Lambda
            ExtensionHost host = ExtensionHost.start(config, optDir, runtimeApiPort, this::extensionLine, onStart);
            extensions = host;
            for (RuntimeProcess extension : host.processes()) {
                extension.onExit().thenRunAsync(() -> onExtensionExit(host, extension),
                        task -> Thread.ofVirtual().name("extension-exit").start(task));
            }
            process = RuntimeProcess.start(config, config.resolvedCommand(), runtimeApiPort, this::runtimeLine);
        } catch (IOException | IllegalStateException e) {
            log.line(invocation.tail(), "RequestId: " + invocation.requestId() + " Error: " + e.getMessage());
            finish(invocation, Outcome.platformError(ErrorTypes.INVALID_ENTRYPOINT, "RequestId: "
                    + invocation.requestId() + " Error: " + e.getMessage(), "error"), false);
            return false;
        }
        RuntimeProcess started = process;
        onStart.accept(started);
        // on a thread of its own: onExit waits for the log pumps, and must not hold a shared pool's only worker
        started.onExit().thenRunAsync(() -> onExit(started), task -> Thread.ofVirtual().name("runtime-exit").start(task));
        return true;
    }

    /** A line the runtime wrote: to the log (and the tail), and to the Telemetry API as a function event. */
    private void runtimeLine(String line) {
        log.line(logTarget, line);
        extensions.functionLine(line);
    }

    private void platformLine(String line) {
        log.line(null, line);
    }

    private void extensionLine(String line) {
        log.line(null, line);
        if (extensions.hasSubscribers()) {
            extensions.publish("extension", com.fasterxml.jackson.databind.node.TextNode.valueOf(line));
        }
    }

    /**
     * The runtime's output lines go to the tail of the one invocation in flight; with several at once a line
     * cannot be told apart, so it goes to the log sink only.
     */
    private void updateLogTarget() {
        logTarget = inFlight.size() == 1 ? inFlight.values().iterator().next().tail() : null;
    }

    private void deliver(Invocation invocation) {
        invocation.state = Invocation.State.DELIVERED;
        invocation.deliveredNanos = System.nanoTime();
        long timeoutMillis = config.timeout().toMillis();
        log.start(invocation);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String traceId = Ids.traceId(System.currentTimeMillis());
        parked.poll().deliver(invocation, arn, deadline, traceId);
        extensions.invoke(invocation.requestId(), deadline, arn, traceId);
        if (extensions.hasSubscribers()) {
            extensions.publish("platform.start", Telemetry.start(invocation.requestId(), traceId));
        }
        scheduleTimeout(invocation, timeoutMillis);
    }

    /**
     * Arms the deadline of {@code invocation}; {@link #checkDeadline} enforces it. No timer task per invocation:
     * scheduling and cancelling one woke the timer thread twice per invoke, a measurable share of the emulator's
     * per-invoke cost on two cores; a shared tick every {@value #DEADLINE_TICK_MILLIS} ms costs nothing per invoke.
     */
    private void scheduleTimeout(Invocation invocation, long millis) {
        invocation.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Called by the emulator's tick: times out the invocations whose deadline has passed, if any. */
    void checkDeadline(long nowNanos) {
        List<Invocation> expired = null;
        synchronized (this) {
            for (Invocation invocation : inFlight.values()) {
                if (invocation.deadlineNanos != 0 && nowNanos - invocation.deadlineNanos >= 0) {
                    invocation.deadlineNanos = 0;
                    if (expired == null) {
                        expired = new ArrayList<>(1);
                    }
                    expired.add(invocation);
                }
            }
        }
        if (expired != null) {
            expired.forEach(this::onTimeout);
        }
    }

    /** Ends the invocation: END and REPORT lines, the result, then the next queued invocation. */
    private void finish(Invocation invocation, Outcome outcome, boolean answeredByRuntime) {
        RuntimeProcess served = invocation.process;
        if (answeredByRuntime && served != null) {
            served.catchUpLogs();
        }
        invocation.deadlineNanos = 0;
        if (invocation.state != Invocation.State.DELIVERED) {
            log.start(invocation);
        }
        if (invocation.coldStart && invocation.initDurationMs == null && served != null) {
            invocation.initDurationMs = served.msSinceStart();
        }
        invocation.state = Invocation.State.DONE;
        answered.add(invocation.requestId());
        inFlight.remove(invocation.requestId());
        updateLogTarget();
        InvokeResult result = report(invocation, outcome, served);
        if (invocation.deliveredNanos != 0 && extensions.hasSubscribers()) {
            extensions.publish("platform.runtimeDone", Telemetry.runtimeDone(invocation.requestId(), outcome,
                    result.durationMs(), outcome.payload().length));
            extensions.publish("platform.report", Telemetry.report(invocation.requestId(), outcome, result,
                    config.memoryMb()));
        }
        String errorType = outcome.errorType() != null ? outcome.errorType() : invocation.streamErrorType;
        if (invocation.sink.committed()) {
            invocation.sink.end(result, errorType);
        } else {
            invocation.sink.unstreamed(result, errorType);
        }
        dispatch();
        invocation.result().complete(result);
    }

    private InvokeResult report(Invocation invocation, Outcome outcome, RuntimeProcess served) {
        double durationMs = invocation.durationMs();
        int memoryUsed = invocation.maxMemoryUsedMb > 0 ? invocation.maxMemoryUsedMb
                : served == null ? 0 : served.maxMemoryUsedMb();
        log.end(invocation);
        log.report(invocation, new Report(durationMs, invocation.initDurationMs, config.memoryMb(), memoryUsed,
                outcome.status(), outcome.errorType()));
        String tail = invocation.tail() == null ? null
                : new String(invocation.tail().lastBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new InvokeResult(200, outcome.payload(), outcome.functionError() ? ErrorTypes.UNHANDLED : null,
                tail, invocation.requestId(), durationMs, invocation.initDurationMs, memoryUsed,
                served == null ? 0 : served.pid());
    }

    /**
     * Fails what is queued or in flight and kills the runtime process. The process dies before its waiting
     * {@code GET next} is answered, so that it never sees (and logs) a 500 from an emulator that is going away.
     */
    void close() {
        ExtensionHost environment;
        synchronized (this) {
            environment = extensions;
            extensions = ExtensionHost.empty(this::platformLine);
            retiring.add(environment);
        }
        shutDown(environment, "spindown"); // SHUTDOWN, and up to 2 s for the extensions to finish
        RuntimeProcess victim;
        ArrayDeque<Invocation> pending = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            victim = process;
            process = null;
            for (Invocation current : inFlight.values()) {
                if (!current.isDone()) {
                    pending.add(current);
                }
            }
            pending.addAll(queue);
            queue.clear();
            inFlight.clear();
        }
        if (victim != null) {
            victim.kill();
        }
        synchronized (this) {
            while (!parked.isEmpty()) {
                parked.poll().abandon("the emulator was closed");
            }
        }
        pending.forEach(invocation -> invocation.result().completeExceptionally(new IllegalStateException(
                "invocation " + invocation.requestId() + " of " + config.name() + " cancelled: emulator closed")));
    }
}
