package dev.lambdabridge.bridge.process;

/**
 * A worker's stdout and stderr as lines in the function's log ({@link LineLog}), tagged with the request id of the
 * invocation being served (or last served; none while it starts at init), and the last stderr lines that its
 * errors end with. The lines are pumped by runtime/child-process's {@code OutputPump}s, which an answer asks to
 * catch up: what the handler printed before it answered lands in that invocation's log.
 */
final class WorkerOutput {
    /** How long the last output lines may take to reach the log once the worker is gone. */
    private static final long END_WAIT_MILLIS = 500;
    /** How long an answer waits, at most, for each output stream to hand on what the worker printed before it. */
    private static final long CATCH_UP_MILLIS = 50;

    private final ChildProcess child;
    private final LineLog stdout;
    private final LineLog stderr;
    private volatile String requestId;

    /** Starts pumping {@code child}'s output into {@code log}; {@code requestId} tags the lines (null at init). */
    WorkerOutput(ChildProcess child, FunctionLog log, String requestId) {
        this.child = child;
        this.requestId = requestId;
        this.stdout = new LineLog(log, () -> this.requestId);
        this.stderr = new LineLog(log, () -> this.requestId);
        child.drainOutputCatchingUp(stdout, stderr);
    }

    /** An invocation starts: its id tags the lines from now on, and the kept stderr lines start afresh. */
    void serving(String requestId) {
        this.requestId = requestId;
        stderr.clearKept();
    }

    /** The last stderr lines, as the suffix of an error message. */
    String stderrTail() {
        return stderr.lastLinesSuffix("stderr");
    }

    /** Lets the pumps log what the worker printed before the answer just read (at most a few milliseconds). */
    void catchUp() {
        child.catchUpOutput(CATCH_UP_MILLIS);
    }

    /** Lets the pumps log the worker's last lines (they end when the worker and its children are gone). */
    void awaitEnd() {
        try {
            child.awaitOutput(System.currentTimeMillis() + END_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
