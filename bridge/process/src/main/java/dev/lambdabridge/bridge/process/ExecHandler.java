package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import org.apache.commons.exec.StreamPumper;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static final int PUMP_BUFFER = 64 * 1024;
    private static final File DEV_NULL = new File("/dev/null");

    private final CommandSpec command;
    private final Path program;
    private final Path taskRoot;
    private final ChildEnvironment environment;
    private final FunctionLog log;
    private final long marginMillis;

    ExecHandler(CommandSpec command, Path program, Path taskRoot, ChildEnvironment environment, FunctionLog log,
                long marginMillis) {
        this.command = command;
        this.program = program;
        this.taskRoot = taskRoot;
        this.environment = environment;
        this.log = log;
        this.marginMillis = marginMillis;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        byte[] event = invocation.payload() == null ? new byte[0] : invocation.payload();
        String eventArgument = command.eventInArguments() ? NativeText.eventArgument(event) : null;
        ProcessBuilder builder = new ProcessBuilder(command.argv(program.toString(), eventArgument))
                .directory(taskRoot.toFile())
                .redirectInput(eventArgument != null ? ProcessBuilder.Redirect.from(DEV_NULL)
                        : ProcessBuilder.Redirect.PIPE);
        environment.applyTo(builder.environment(), invocation);

        long killAt = invocation.deadlineMs() - marginMillis;
        if (killAt <= System.currentTimeMillis()) {
            throw new BridgeError(BridgeError.TIMEOUT, "\"" + command.display() + "\" was not started: the "
                    + "invocation's deadline is less than " + marginMillis + " ms away");
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BridgeError(BridgeError.NOT_FOUND, "Cannot start \"" + command.display() + "\" (" + program
                    + "): " + e.getMessage());
        }
        String marker = ChildEnvironment.REQUEST_ID + "=" + invocation.requestId();
        new Run(invocation.requestId(), process, marker, started).complete(event, eventArgument == null, killAt,
                response);
    }

    /** One running program and its streams. */
    private final class Run {
        private final Process process;
        private final String marker;
        private final long startedNanos;
        private final CappedBuffer stdout;
        private final LineLog stderr;

        Run(String requestId, Process process, String marker, long startedNanos) {
            this.process = process;
            this.marker = marker;
            this.startedNanos = startedNanos;
            this.stdout = new CappedBuffer(Limits.RESPONSE_BYTES, () -> ProcessTree.kill(process, marker, 0));
            this.stderr = new LineLog(log, () -> requestId);
        }

        void complete(byte[] event, boolean eventOnStdin, long killAt, OutputStream response) throws Exception {
            Future<?> out = Threads.PUMPS.submit(new StreamPumper(process.getInputStream(), stdout, false, PUMP_BUFFER));
            Future<?> err = Threads.PUMPS.submit(new StreamPumper(process.getErrorStream(), stderr, true, PUMP_BUFFER));
            if (eventOnStdin) {
                Threads.PUMPS.submit(new StreamPumper(new ByteArrayInputStream(event), process.getOutputStream(), true,
                        PUMP_BUFFER));
            }
            boolean timedOut;
            try {
                timedOut = !process.waitFor(Math.max(0, killAt - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (timedOut) {
                    ProcessTree.kill(process, marker, Limits.KILL_WAIT_MILLIS);
                }
                long now = System.currentTimeMillis();
                long drainUntil = timedOut ? now + Limits.KILL_WAIT_MILLIS
                        : Math.max(now + 20, Math.min(now + PIPE_GRACE_MILLIS, killAt));
                if (!awaitPumps(List.of(out, err), drainUntil)) {
                    int killed = ProcessTree.kill(null, marker, 0);
                    log.note("\"" + command.display() + "\" exited, but its stdout or stderr stayed open: a process "
                            + "it started still held them; killed " + killed + " leftover process(es)");
                    awaitPumps(List.of(out, err), System.currentTimeMillis() + Limits.KILL_WAIT_MILLIS);
                }
            } finally {
                if (process.isAlive()) { // interrupted, or the runtime is failing: leave nothing behind
                    ProcessTree.kill(process, marker, 0);
                }
            }
            long ranMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            if (timedOut) {
                throw new BridgeError(BridgeError.TIMEOUT, "\"" + command.display() + "\" did not finish before the "
                        + "deadline: it was killed after " + ranMillis + " ms, " + marginMillis + " ms before the "
                        + "function's timeout" + stderr.lastLinesSuffix("stderr"));
            }
            if (stdout.overflowed()) {
                throw new BridgeError(BridgeError.RESPONSE_TOO_LARGE, "\"" + command.display() + "\" wrote more than "
                        + Limits.RESPONSE_BYTES + " bytes to stdout, Lambda's response limit; it was killed");
            }
            int status = process.exitValue();
            if (status != 0) {
                throw new BridgeError(BridgeError.EXIT_ERROR, "\"" + command.display() + "\" exited with "
                        + ProcessTree.describeStatus(status) + stderr.lastLinesSuffix("stderr"));
            }
            ResponseText.write(stdout.array(), stdout.size(), response, command.display());
        }

        /** Waits for the pumps to reach the end of their streams; false if one has not by {@code untilMillis}. */
        private boolean awaitPumps(List<Future<?>> pumps, long untilMillis) throws InterruptedException {
            for (Future<?> pump : pumps) {
                try {
                    pump.get(Math.max(0, untilMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return false;
                } catch (ExecutionException e) {
                    // StreamPumper catches its own failures; nothing is thrown here
                }
            }
            return true;
        }
    }

    /** Each invocation has its own process: invocations may run concurrently. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }
}
