package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's calls of the init phase, before its first invocation: {@code POST /runtime/init/error}, and
 * SnapStart's {@code GET restore/next} and {@code POST restore/error}. A failed init or restore retires the
 * sandbox (its runtime killed after a grace period, to let it finish writing its logs) and ends the cold-starting
 * invocations with the runtime's error. Under the function's lock, as {@link InvocationFlow}.
 */
final class InitPhase {
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";
    private static final long INIT_ERROR_GRACE_MILLIS = 2_000;

    private final FunctionConfig config;
    private final PlatformLog log;
    private final ScheduledExecutorService timers;
    private final InvocationFlow flow;

    InitPhase(FunctionConfig config, PlatformLog log, ScheduledExecutorService timers, InvocationFlow flow) {
        this.config = config;
        this.log = log;
        this.timers = timers;
        this.flow = flow;
    }

    /** {@code POST /runtime/init/error}: the cold-starting invocations get the error; the sandbox is retired. */
    RuntimeReply initError(byte[] body, String errorTypeHeader) {
        Dispatcher dispatcher = flow.dispatcher();
        HostedInvocation delivered = dispatcher.anyDelivered();
        if (delivered != null) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION,
                    "init error after invocation " + delivered.requestId() + " was delivered: init is over");
        }
        Sandbox failed = retireFailed();
        for (HostedInvocation current : dispatcher.inFlight()) {
            log.line(current.tail(), "INIT_REPORT Init Duration: " + Decimals.two(failed == null ? 0
                    : failed.initDurationMs()) + " ms\tPhase: init\tStatus: error\tError Type: "
                    + (errorTypeHeader == null ? LambdaErrorTypes.UNKNOWN : errorTypeHeader));
            flow.finish(current, Outcome.functionError(body), true);
        }
        return RuntimeReply.ACCEPTED;
    }

    /**
     * SnapStart's {@code GET restore/next}, after the runtime's init: answered at once, as a restore would answer
     * it (there is no snapshot to take or restore here). Only for a function started with
     * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, and once, before its first {@code GET next}.
     */
    RuntimeReply restoreNext() {
        if (!SNAP_START.equals(config.env().get(INITIALIZATION_TYPE))) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore/next is only for a "
                    + "SnapStart function (" + INITIALIZATION_TYPE + "=snap-start); " + config.name() + " is on-demand");
        }
        Sandbox current = flow.sandboxes().current();
        if (current == null || !current.restore()) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore/next after the restore or "
                    + "after the first invocation/next: the restore phase of " + config.name() + " is over");
        }
        for (HostedInvocation invocation : flow.dispatcher().inFlight()) {
            log.line(invocation.tail(), "RESTORE_START");
        }
        return RuntimeReply.OK_EMPTY;
    }

    /**
     * SnapStart's {@code POST restore/error}: an after-restore hook failed; as with an init error, the
     * cold-starting invocations get the runtime's error and the sandbox is retired.
     */
    RuntimeReply restoreError(byte[] body, String errorTypeHeader) {
        Sandbox current = flow.sandboxes().current();
        Double restore = current == null ? null : current.restoreDurationMs();
        if (restore == null || flow.dispatcher().anyDelivered() != null) {
            return RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION, "restore error outside the restore "
                    + "phase of " + config.name() + " (no restore/next was answered, or init is over)");
        }
        retireFailed();
        for (HostedInvocation invocation : flow.dispatcher().inFlight()) {
            log.line(invocation.tail(), "RESTORE_REPORT Restore Duration: " + Decimals.two(restore)
                    + " ms\tStatus: error\tError Type: "
                    + (errorTypeHeader == null ? LambdaErrorTypes.UNKNOWN : errorTypeHeader));
            flow.finish(invocation, Outcome.functionError(body), true);
        }
        return RuntimeReply.ACCEPTED;
    }

    /** Retires the failed sandbox; its runtime is killed after the grace period. */
    private Sandbox retireFailed() {
        Sandbox failed = flow.retire("failure");
        if (failed != null) {
            timers.schedule(failed.runtime()::kill, INIT_ERROR_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return failed;
    }
}
