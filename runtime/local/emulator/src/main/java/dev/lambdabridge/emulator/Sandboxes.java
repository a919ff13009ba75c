package dev.lambdabridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The execution environments of one function: the current {@link Sandbox} (at most one; none before the first
 * invoke and after a retirement) and the retired ones whose extensions are still in their shutdown phase. Routes
 * the Extensions and Telemetry API calls to the environment the caller belongs to. Guarded by the function's
 * lock ({@code lock}); the shutdown phases run on threads of their own, without it.
 */
final class Sandboxes {
    private final Object lock;
    private final Consumer<String> platformLog;
    private Sandbox current;
    /** The Extensions API while no sandbox runs: nothing registered, nothing started. */
    private ExtensionHost idle;
    private final List<ExtensionHost> retiring = new ArrayList<>();

    Sandboxes(Object lock, Consumer<String> platformLog) {
        this.lock = lock;
        this.platformLog = platformLog;
        this.idle = ExtensionHost.empty(platformLog);
    }

    /** The running sandbox, or null. */
    Sandbox current() {
        return current;
    }

    void use(Sandbox started) {
        if (current != null) {
            throw new IllegalStateException("a sandbox is running already: retire it first");
        }
        current = started;
    }

    boolean isCurrent(Sandbox sandbox) {
        return sandbox != null && sandbox == current;
    }

    /** The extensions of the running environment (an empty host when none runs). */
    ExtensionHost extensions() {
        return current != null ? current.extensions() : idle;
    }

    /** The environment an extension belongs to: the running one, or one shutting down. */
    ExtensionHost hostOf(String extensionId) {
        for (ExtensionHost host : retiring) {
            if (host.knows(extensionId)) {
                return host;
            }
        }
        return extensions();
    }

    /**
     * Retires the running sandbox (RETIRED): its extensions get SHUTDOWN with {@code reason} and their 2 s on a
     * thread of their own. Returns it, for the caller to kill its runtime outside the lock; null when none ran.
     */
    Sandbox retireCurrent(String reason) {
        Sandbox retired = current;
        current = null;
        idle = ExtensionHost.empty(platformLog);
        if (retired == null || !retired.retire()) {
            return null;
        }
        ExtensionHost host = retired.extensions();
        if (!host.isEmpty()) {
            retiring.add(host);
            Thread.ofVirtual().name("extensions-shutdown").start(() -> shutDown(host, reason));
        }
        return retired;
    }

    /**
     * The emulator closes: the running sandbox is retired and its extensions' shutdown phase ({@code spindown})
     * runs on the calling thread, which must not hold the lock. Returns the retired sandbox, or null.
     */
    Sandbox closeCurrent() {
        Sandbox retired;
        ExtensionHost host;
        synchronized (lock) {
            retired = current;
            current = null;
            host = retired == null ? idle : retired.extensions();
            idle = ExtensionHost.empty(platformLog);
            if (retired != null) {
                retired.retire();
            }
            retiring.add(host);
        }
        shutDown(host, "spindown");
        return retired;
    }

    private void shutDown(ExtensionHost host, String reason) {
        try {
            host.shutdown(reason, lock);
        } finally {
            synchronized (lock) {
                retiring.remove(host);
            }
        }
    }
}
