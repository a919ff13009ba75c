package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;

/**
 * What happens when a process of a sandbox exits by itself (or is killed): the runtime's exit retires the sandbox
 * and ends the invocations it had ({@code Runtime.ExitError}), those it never asked for going to a fresh runtime;
 * an extension's exit while the environment is in use resets it, as on Lambda ({@code Extension.Crash}). Each exit
 * is handled on a virtual thread of its own, which takes the function's lock.
 */
final class SandboxExits {
    private static final long EXIT_LOG_DRAIN_MILLIS = 200;

    private final Object lock;
    private final PlatformLog log;
    private final InvocationFlow flow;

    SandboxExits(Object lock, PlatformLog log, InvocationFlow flow) {
        this.lock = lock;
        this.log = log;
        this.flow = flow;
    }

    /** Watches a sandbox just started: its extensions' exits, and its runtime's. */
    void watch(Sandbox started) {
        for (RuntimeProcess extension : started.extensions().processes()) {
            extension.exited().thenRunAsync(() -> extensionExited(started, extension),
                    task -> Thread.ofVirtual().name("extension-exit").start(task));
        }
        // on a thread of its own: runtimeExited waits for the log pumps, and must not hold a shared pool's worker
        started.runtime().exited().thenRunAsync(() -> runtimeExited(started),
                task -> Thread.ofVirtual().name("runtime-exit").start(task));
    }

    /**
     * An extension process exited while its environment was in use (not in the shutdown phase): the environment is
     * reset, and the invocations in flight fail with {@code Extension.Crash}.
     */
    private void extensionExited(Sandbox sandbox, RuntimeProcess extension) {
        Sandbox victim;
        synchronized (lock) {
            if (!flow.sandboxes().isCurrent(sandbox) || flow.closed()) {
                return;
            }
            log.line(flow.logTarget(), "EXTENSION\tpid " + extension.pid() + " exited (" + extension.exitDescription()
                    + "): the execution environment is reset");
            victim = flow.retire("failure");
            flow.failInvocationsOf(victim, "RequestId: %s Error: an extension exited with error: "
                    + extension.exitDescription(), LambdaErrorTypes.EXTENSION_CRASH);
            flow.dispatch();
        }
        victim.runtime().kill();
    }

    /** The runtime process exited by itself (or was killed): its sandbox is retired, its invocations end. */
    private void runtimeExited(Sandbox sandbox) {
        RuntimeProcess exited = sandbox.runtime();
        exited.drainLogs(EXIT_LOG_DRAIN_MILLIS);
        synchronized (lock) {
            if (!flow.sandboxes().isCurrent(sandbox)) {
                return;
            }
            flow.retire("failure");
            flow.dispatcher().requeueFirst(flow.undelivered(sandbox));
            flow.failInvocationsOf(sandbox, "RequestId: %s Error: Runtime exited with error: "
                    + exited.exitDescription(), LambdaErrorTypes.EXIT_ERROR);
            flow.updateLogTarget();
            flow.dispatch();
        }
    }
}
