package dev.lambdabridge.bridge.process;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge's threads: pumps (one per stream of a running program, reused across invocations, daemon so that
 * they never hold the JVM); deadlines are runtime/core's {@code DeadlineWatchdog}, shared with the polyglot
 * bridge. Platform threads: a pump blocks in a pipe read,
 * which would pin a virtual thread's carrier anyway.
 */
final class Threads {
    static final ExecutorService PUMPS = Executors.newCachedThreadPool(daemon("lambda-bridge-pump-"));

    private Threads() {
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
