package dev.lambdabridge.emulator;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * One hosted function as the emulator's APIs see it: what it is (config, ARN, description), its Runtime API port,
 * and the calls that reach it: the Invoke API's {@link #submit}, the runtime's (Runtime API), the extensions'
 * (Extensions and Telemetry APIs) and the emulator's deadline tick. This object is the function's one lock: each
 * call takes it and hands on to the piece whose job it is: {@link InvocationFlow} (queue, sandbox, delivery, end),
 * {@link RuntimeAnswers} (the runtime's answers), {@link InitPhase} (init and restore errors),
 * {@link InvocationTimeouts} and {@link SandboxExits}. The pieces are not thread-safe on their own; processes are
 * killed outside the lock.
 */
final class HostedFunction {
    /** How often the emulator checks deadlines: the precision of "Task timed out". */
    static final long DEADLINE_TICK_MILLIS = Deadlines.TICK_MILLIS;

    private final FunctionConfig config;
    private final Map<String, String> hostEnv;
    private final String arn;
    private final FunctionDescription description;
    private final FaultInjection faults = new FaultInjection();
    private final InvocationFlow flow;
    private final InitPhase initPhase;
    private final InvocationTimeouts timeouts;
    private final SandboxExits exits;

    HostedFunction(FunctionConfig config, PlatformLog log, ScheduledExecutorService timers,
                   Consumer<RuntimeProcess> onStart, Path optDir, Map<String, String> hostEnv) {
        this.config = config;
        this.hostEnv = hostEnv;
        this.arn = FunctionArn.of(SandboxEnvironment.regionOf(config, hostEnv), config.name());
        this.description = new FunctionDescription(config, arn);
        this.flow = new InvocationFlow(this, config, arn, log, onStart, optDir, hostEnv, faults, this::watchExits);
        this.initPhase = new InitPhase(config, log, timers, flow);
        this.timeouts = new InvocationTimeouts(this, config, log, flow);
        this.exits = new SandboxExits(this, log, flow);
    }

    /** A sandbox just started ({@link InvocationFlow}): {@link SandboxExits} watches its processes. */
    private void watchExits(Sandbox started) {
        exits.watch(started);
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

    /** The region the function runs in (its AWS_REGION, else the emulator's). */
    String region() {
        return SandboxEnvironment.regionOf(config, hostEnv);
    }

    synchronized void runtimeApiPort(int port) {
        flow.runtimeApiPort(port);
    }

    synchronized int runtimeApiPort() {
        return flow.runtimeApiPort();
    }

    /** Arms the fault hook: the next Runtime API call answers 500, as Lambda does on a fatal error. */
    void failNextCallWith500() {
        faults.arm();
    }

    /** Whether the fault hook is armed; disarms it. The runtime that gets the 500 is marked as failed by it. */
    boolean takeFault() {
        return faults.take(() -> {
            synchronized (this) {
                return flow.sandboxes().current();
            }
        });
    }

    /** Queues an invocation; its result completes when the runtime (or a timeout, or a crash) ends it. */
    HostedInvocation submit(InvokeRequest request, StreamSink sink) {
        HostedInvocation invocation = new HostedInvocation(request, sink);
        synchronized (this) {
            flow.submit(invocation);
        }
        return invocation;
    }

    // ---- the runtime's calls (Runtime API) ----

    /** {@code GET next}: parks the exchange; delivers at once when an invocation waits. */
    synchronized void next(ParkedNext next) {
        flow.next(next);
    }

    synchronized RuntimeReply response(String requestId, byte[] body) {
        return flow.answers().response(requestId, body);
    }

    synchronized RuntimeReply error(String requestId, byte[] body, String errorTypeHeader) {
        return flow.answers().error(requestId, body, errorTypeHeader);
    }

    synchronized RuntimeAnswers.StreamOpening streamStart(String requestId, String contentType) {
        return flow.answers().streamStart(requestId, contentType);
    }

    synchronized RuntimeReply streamEnd(String requestId, String errorType, String errorBodyBase64) {
        return flow.answers().streamEnd(requestId, errorType, errorBodyBase64);
    }

    synchronized RuntimeReply streamTooLarge(String requestId) {
        return flow.answers().streamTooLarge(requestId);
    }

    synchronized RuntimeReply responseTooLarge(String requestId) {
        return flow.answers().responseTooLarge(requestId);
    }

    /** {@code POST /runtime/init/error} ({@link InitPhase#initError}). */
    synchronized RuntimeReply initError(byte[] body, String errorTypeHeader) {
        return initPhase.initError(body, errorTypeHeader);
    }

    /** SnapStart's {@code GET restore/next} ({@link InitPhase#restoreNext}). */
    synchronized RuntimeReply restoreNext() {
        return initPhase.restoreNext();
    }

    /** SnapStart's {@code POST restore/error} ({@link InitPhase#restoreError}). */
    synchronized RuntimeReply restoreError(byte[] body, String errorTypeHeader) {
        return initPhase.restoreError(body, errorTypeHeader);
    }

    /** The metadata endpoint's check: {@code token} is the running sandbox's AWS_LAMBDA_METADATA_TOKEN. */
    synchronized boolean metadataTokenValid(String token) {
        Sandbox current = flow.sandboxes().current();
        return current != null && current.hasMetadataToken(token);
    }

    // ---- the extensions' calls (Extensions API, Telemetry API) ----

    synchronized ExtensionHost.Reply extensionRegister(String name, byte[] body) {
        return flow.sandboxes().extensions().register(name, body, config);
    }

    /** {@code GET /extension/event/next}: null when kept; an extension back from an INVOKE may free the next one. */
    synchronized ExtensionHost.Reply extensionNext(String id, org.eclipse.jetty.server.Response response,
                                                   org.eclipse.jetty.util.Callback callback) {
        ExtensionHost.Reply refused = flow.sandboxes().hostOf(id).next(id, response, callback);
        if (refused == null) {
            flow.deliverWaiting();
        }
        return refused;
    }

    synchronized ExtensionHost.Reply extensionError(String id, String phase, String errorType) {
        return flow.sandboxes().hostOf(id).reportError(id, phase, errorType);
    }

    synchronized ExtensionHost.Reply telemetrySubscribe(String id, byte[] body) {
        return flow.sandboxes().hostOf(id).subscribe(id, body);
    }

    // ---- the emulator's own events ----

    /** Called by the emulator's tick: times out the invocations whose deadline has passed, if any. */
    void checkDeadline(long nowNanos) {
        timeouts.check(nowNanos);
    }

    /** Fails what is queued or in flight and kills the runtime process ({@link InvocationFlow#close}). */
    void close() {
        flow.close();
    }
}
