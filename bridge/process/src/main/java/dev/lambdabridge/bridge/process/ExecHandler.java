package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import org.apache.commons.exec.StreamPumper;

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code exec:} — one process per invocation, the contract of the classic Node.js wrappers without their shell:
 * the event on stdin (or as the {@code {event}} argument), the response on stdout, stderr to the function's log.
 *
 * <p>What is done with Apache Commons Exec and what is not, and why:
 * <ul>
 *   <li>{@link StreamPumper} moves the bytes: the event into stdin (closing it at the end), stdout into a
 *       {@link CappedBuffer}, stderr into a {@link LineLog}, each on a pooled thread, so that no stream can block
 *       the child (50 MB on stderr while the bridge waits on stdout completes).</li>
 *   <li>Not {@code CommandLine}/{@code DefaultExecutor}: {@code CommandLine} trims every argument
 *       ({@code CommandLine.Argument} calls {@code value.trim()}), so an event with a trailing newline would not
 *       reach the program byte for byte (see {@code CommonsExecChoiceTest}); and its launcher builds the child's
 *       environment from Strings, which the JVM re-encodes (non-ASCII values become {@code ?} under a non-UTF-8
 *       locale), where {@link ProcessBuilder#environment()} keeps the inherited values' bytes.</li>
 *   <li>Not {@code ExecuteWatchdog}: its timeout calls {@link Process#destroy()}, SIGTERM to the direct child only;
 *       a program that ignores SIGTERM, or what it started, would outlive the deadline. {@link ProcessTree} kills
 *       the whole tree with SIGKILL.</li>
 *   <li>Not {@code PumpStreamHandler}: its {@code stop()} joins the pump threads with no limit (or with a timeout
 *       plus a fixed 2 s, and then loses the exit status), so a background process that keeps stdout open would
 *       hold the invocation past its deadline. Here the pumps are awaited until a deadline, then the leftovers are
 *       killed.</li>
 * </ul>
 *
 * <p>Thread-safe: each invocation has its own process, buffers and pumps.
 */
final class ExecHandler implements InvocationHandler {
    /** After the program exited, how long its stdout and stderr may stay open (something it started holds them). */
    static final long PIPE_GRACE_MILLIS = 1_000;

    private final Program program;
    private final CommandSpec command;
    private final FunctionLog log;

    ExecHandler(Program program, FunctionLog log) {
        this.program = program;
        this.command = program.command();
        this.log = log;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        byte[] event = invocation.payload() == null ? new byte[0] : invocation.payload();
        String eventArgument = command.eventInArguments() ? NativeText.eventArgument(event) : null;
        long killAt = context.killAtMs();
        long marginMillis = invocation.deadlineMs() - killAt;
        if (killAt <= System.currentTimeMillis()) {
            throw new GuestError(ProcessErrorTypes.TIMEOUT, "\"" + command.display() + "\" was not started: the "
                    + "invocation's deadline is less than " + marginMillis + " ms away");
        }
        long started = System.nanoTime();
        String marker = ChildEnvironment.REQUEST_ID + "=" + invocation.requestId();
        ChildProcess child = program.start("\"" + command.display() + "\"", eventArgument, eventArgument == null,
                invocation, Map.of(), marker);
        new Run(invocation.requestId(), child, started).complete(event, eventArgument == null, killAt, marginMillis,
                response);
    }

    /** One running program and its streams. */
    private final class Run {
        private final ChildProcess child;
        private final Process process;
        private final long startedNanos;
        private final CappedBuffer stdout;
        private final LineLog stderr;

        Run(String requestId, ChildProcess child, long startedNanos) {
            this.child = child;
            this.process = child.process();
            this.startedNanos = startedNanos;
            this.stdout = new CappedBuffer(LambdaLimits.RESPONSE_PAYLOAD_BYTES, () -> child.killTree(0));
            this.stderr = new LineLog(log, () -> requestId);
        }

        void complete(byte[] event, boolean eventOnStdin, long killAt, long marginMillis, OutputStream response)
                throws Exception {
            child.drainOutput(stdout, false, stderr);
            if (eventOnStdin) {
                child.feedStdin(event);
            }
            boolean timedOut;
            try {
                timedOut = !process.waitFor(Math.max(0, killAt - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (timedOut) {
                    child.killTree(ChildProcess.KILL_WAIT_MILLIS);
                }
                long now = System.currentTimeMillis();
                long drainUntil = timedOut ? now + ChildProcess.KILL_WAIT_MILLIS
                        : Math.max(now + 20, Math.min(now + PIPE_GRACE_MILLIS, killAt));
                if (!child.awaitOutput(drainUntil)) {
                    int killed = child.killLeftovers();
                    log.note("\"" + command.display() + "\" exited, but its stdout or stderr stayed open: a process "
                            + "it started still held them; killed " + killed + " leftover process(es)");
                    child.awaitOutput(System.currentTimeMillis() + ChildProcess.KILL_WAIT_MILLIS);
                }
            } finally {
                if (process.isAlive()) { // interrupted, or the runtime is failing: leave nothing behind
                    child.killTree(0);
                }
            }
            long ranMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            if (timedOut) {
                throw new GuestError(ProcessErrorTypes.TIMEOUT, "\"" + command.display() + "\" did not finish before the "
                        + "deadline: it was killed after " + ranMillis + " ms, " + marginMillis + " ms before the "
                        + "function's timeout" + stderr.lastLinesSuffix("stderr"));
            }
            if (stdout.overflowed()) {
                throw new GuestError(ProcessErrorTypes.RESPONSE_TOO_LARGE, "\"" + command.display() + "\" wrote more than "
                        + LambdaLimits.RESPONSE_PAYLOAD_BYTES + " bytes to stdout, Lambda's response limit; it was "
                        + "killed");
            }
            int status = process.exitValue();
            if (status != 0) {
                throw new GuestError(ProcessErrorTypes.EXIT_ERROR, "\"" + command.display() + "\" exited with "
                        + ProcessTree.describeStatus(status) + stderr.lastLinesSuffix("stderr"));
            }
            ResponseText.write(stdout.array(), stdout.size(), response, command.display());
        }
    }

    /** Each invocation has its own process: invocations may run concurrently. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }
}
