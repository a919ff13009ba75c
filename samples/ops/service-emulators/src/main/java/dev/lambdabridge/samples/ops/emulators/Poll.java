package dev.lambdabridge.samples.ops.emulators;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for an emulator to reach a state (an execution to end, a task to be handed out), every 50 ms. */
public final class Poll {
    private static final long INTERVAL_MS = 50;

    private Poll() {
    }

    /** The first value of {@code read} that satisfies {@code done}; an AssertionError naming {@code what} after {@code limit}. */
    public static <T> T until(Duration limit, String what, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last;
        do {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " did not happen within " + limit + "; last seen: " + last);
    }
}
