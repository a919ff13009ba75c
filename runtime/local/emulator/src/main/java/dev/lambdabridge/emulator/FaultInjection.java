package dev.lambdabridge.emulator;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The test hook that makes a function's next Runtime API call answer 500, as Lambda does on a fatal error, and
 * remembers which sandbox got it: that runtime's exit fails the invocation it was serving, delivered or not.
 */
final class FaultInjection {
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile Sandbox faulted;

    void arm() {
        armed.set(true);
    }

    /** Whether the hook is armed (one read when it is not); disarms it, marking {@code current} as faulted. */
    boolean take(java.util.function.Supplier<Sandbox> current) {
        boolean fired = armed.get() && armed.getAndSet(false);
        if (fired) {
            faulted = current.get();
        }
        return fired;
    }

    boolean faulted(Sandbox sandbox) {
        return sandbox != null && sandbox == faulted;
    }
}
