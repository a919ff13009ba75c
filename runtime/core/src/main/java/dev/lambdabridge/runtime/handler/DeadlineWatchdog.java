package dev.lambdabridge.runtime.handler;

import java.util.ArrayList;
import java.util.List;

/**
 * The one deadline scheduler of the bridges: one daemon thread per process that runs an action when an
 * invocation's kill-at time comes ({@code LambdaContext#killAtMs()}: the polyglot bridge cancels the guest's
 * context, the process bridge kills a worker that has not answered or become ready), unless the invocation
 * disarmed it first. Loaded by the bridges only, never by a Java handler.
 *
 * <p>Why this and not a {@code ScheduledExecutorService} (which the process bridge used, with
 * {@code setRemoveOnCancelPolicy}): a cancelled task stays in its queue until its delay ends, and
 * the delay is the function's timeout (up to 15 minutes), so a busy function kept one task, and with it a
 * context, per invocation of the last minutes (a thousand invocations a second and a 900 s timeout: 900,000
 * tasks); with {@code setRemoveOnCancelPolicy} the queue's head changes at every invocation and the timer thread
 * is woken each time. Here arming and disarming are a list add and remove under a lock: the thread sleeps until
 * the earliest deadline it knows, and only an earlier one wakes it (an invocation's deadline is usually later
 * than the one it sleeps towards, which a disarmed invocation left). The emulator, on Lambda's side, has no timer
 * per invocation either: it checks the function timeouts on the 10 ms tick it runs anyway ({@code Deadlines}).
 */
public final class DeadlineWatchdog {
    /** The process's watchdog, shared by every handler. */
    public static final DeadlineWatchdog SHARED = new DeadlineWatchdog("lambda-bridge-deadlines");

    private final String threadName;
    private final List<Armed> armed = new ArrayList<>(2);
    private long wakeAt = Long.MAX_VALUE;
    private Thread thread;

    public DeadlineWatchdog(String threadName) {
        this.threadName = threadName;
    }

    /** An armed action; {@link #disarm()} before its time and it never runs. */
    public final class Armed {
        private final Runnable action;
        private final long atMillis;

        private Armed(Runnable action, long atMillis) {
            this.action = action;
            this.atMillis = atMillis;
        }

        public void disarm() {
            synchronized (DeadlineWatchdog.this) {
                armed.remove(this);
            }
        }
    }

    /** Runs {@code action} at {@code atMillis} (epoch milliseconds) on the watchdog's thread, unless disarmed. */
    public synchronized Armed arm(Runnable action, long atMillis) {
        Armed entry = new Armed(action, atMillis);
        armed.add(entry);
        if (thread == null) {
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        } else if (atMillis < wakeAt) {
            notifyAll();
        }
        return entry;
    }

    /** How many actions are armed (for tests). */
    public synchronized int armedCount() {
        return armed.size();
    }

    private void run() {
        List<Armed> due = new ArrayList<>(2);
        while (true) {
            synchronized (this) {
                long now = System.currentTimeMillis();
                long next = Long.MAX_VALUE;
                for (int i = armed.size() - 1; i >= 0; i--) {
                    Armed entry = armed.get(i);
                    if (entry.atMillis <= now) {
                        due.add(armed.remove(i));
                    } else {
                        next = Math.min(next, entry.atMillis);
                    }
                }
                if (due.isEmpty()) {
                    wakeAt = next;
                    try {
                        if (next == Long.MAX_VALUE) {
                            wait();
                        } else {
                            wait(next - now);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
            }
            for (Armed entry : due) {
                try {
                    entry.action.run();
                } catch (RuntimeException ignored) {
                    // the action's own failure (a context already closed) must not stop the watchdog
                }
            }
            due.clear();
        }
    }
}
