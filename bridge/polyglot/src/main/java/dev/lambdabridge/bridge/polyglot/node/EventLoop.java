package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;

/**
 * Node's event loop for one invocation, driving the guest half in bridge.js ({@code glue.loop}): each turn runs the
 * due timers, then the I/O completions ({@link IoQueue}), then the immediates, each callback in its own call into
 * the context followed by the nextTick queue, so that GraalJS runs the promise jobs after each callback (it runs
 * them when a call from the host returns), in Node's order: nextTick queue, promise jobs, timers, I/O, immediates.
 * It then waits for the next timer or an I/O completion, whichever comes first.
 */
public final class EventLoop {
    private final Value loop;
    private final IoQueue io;

    public EventLoop(Value loop, IoQueue io) {
        this.loop = loop;
        this.io = io;
    }

    /**
     * Runs the loop until the invocation's {@code state} (bridge.js) is settled, and, when it settled through a
     * callback that waits for an empty event loop, until nothing holds the loop open. Returns false when the loop
     * emptied before the handler settled. {@code cancelled} throws when the invocation's deadline fired.
     *
     * <p>{@code fromIo}: the code that started it ran as an I/O callback (a handler: Node's runtime calls it when
     * the Runtime API's answer arrives), so the immediates it queued run before the timers, as in Node's check
     * phase; otherwise (a module's top-level await) the loop starts with the timers.
     */
    public boolean run(Value state, Runnable cancelled, boolean fromIo) throws InterruptedException {
        runTicks();
        if (fromIo && runImmediates(state)) {
            return true;
        }
        while (!finished(state)) {
            loop.invokeMember("beginTurn");
            while (loop.invokeMember("runTimer").asBoolean()) {
                if (afterCallback(state)) {
                    return true;
                }
            }
            for (Runnable completion = io.poll(); completion != null; completion = io.poll()) {
                completion.run();
                if (afterCallback(state)) {
                    return true;
                }
            }
            if (runImmediates(state)) {
                return true;
            }
            if (finished(state)) {
                return true;
            }
            if (!alive()) {
                return settled(state);
            }
            long wait = loop.invokeMember("waitMs").asLong();
            if (wait != 0) {
                io.await(wait, cancelled);
            }
            cancelled.run();
        }
        return true;
    }

    /** The check phase: the immediates queued before it; true when the invocation finished. */
    private boolean runImmediates(Value state) {
        loop.invokeMember("beginImmediates");
        while (loop.invokeMember("runImmediate").asBoolean()) {
            if (afterCallback(state)) {
                return true;
            }
        }
        return false;
    }

    private boolean afterCallback(Value state) {
        runTicks();
        return finished(state);
    }

    /** The nextTick queue, and the promise jobs after it, until both are empty. */
    public void runTicks() {
        while (loop.invokeMember("runTicks").asBoolean()) {
            // each call returns to the host, which runs the promise jobs; they may queue more ticks
        }
    }

    private boolean alive() {
        return io.pending() || loop.invokeMember("alive").asBoolean();
    }

    /** A state without {@code waits} (a module's top-level await) does not wait for the loop to empty. */
    private static boolean waits(Value state) {
        Value waits = state.getMember("waits");
        return waits != null && waits.isBoolean() && waits.asBoolean();
    }

    private static boolean settled(Value state) {
        return state.getMember("settled").asBoolean();
    }

    private boolean finished(Value state) {
        return settled(state) && (!waits(state) || !alive());
    }
}
