package dev.lambdabridge.emulator;

import dev.lambdabridge.childprocess.ChildLauncher;
import dev.lambdabridge.childprocess.LineSplitter;
import dev.lambdabridge.childprocess.OutputPump;
import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One process of a function's execution environment (its runtime, or an extension): started
 * ({@link ChildLauncher}) with Lambda's environment only, in the code directory, stdin from /dev/null; its stdout
 * and stderr pumped ({@link OutputPump}, each on a platform thread of its own) line by line to a consumer, lines
 * longer than {@link LambdaLimits#LOG_LINE_BYTES} split ({@link LineSplitter}); killed with its descendants
 * ({@link ProcessTree}).
 */
final class RuntimeProcess {
    private static final long KILL_WAIT_MILLIS = 5_000;
    /** Only spent while output is actually pending; a loaded 2-core machine can leave the pump unscheduled for tens of ms. */
    private static final long CATCH_UP_MILLIS = 1000;

    private final Process process;
    private final long startNanos;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final MemoryMeter memory;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();

    private RuntimeProcess(Process process, long startNanos, Consumer<String> lines, String name) {
        this.process = process;
        this.startNanos = startNanos;
        this.stdout = pump(process, process.getInputStream(), lines, name + "-stdout");
        this.stderr = pump(process, process.getErrorStream(), lines, name + "-stderr");
        this.memory = new MemoryMeter(process.toHandle());
        Thread.ofVirtual().name(name + "-exit").start(this::awaitExit);
    }

    private static OutputPump pump(Process process, InputStream in, Consumer<String> lines, String threadName) {
        return OutputPump.start(process.toHandle(), in, new LineSplitter(LambdaLimits.LOG_LINE_BYTES, lines),
                task -> Thread.ofPlatform().name(threadName).daemon().start(task));
    }

    /**
     * Completes {@link #exited()}. Not {@code Process.onExit()}: its stages run on the JDK's common pool, and can
     * pick up the JDK's own exit handling there, which waits for a log pump's read to end.
     */
    private void awaitExit() {
        while (true) {
            try {
                process.waitFor();
                exited.complete(null);
                return;
            } catch (InterruptedException e) {
                // a virtual thread of ours: nobody interrupts it; keep waiting
            }
        }
    }

    /**
     * Starts the command of the config.
     *
     * @throws IOException when the program cannot be started (message names it)
     */
    static RuntimeProcess start(Launch launch, List<String> command, Consumer<String> lines) throws IOException {
        return start(launch, command, lines, "runtime-" + launch.config().name());
    }

    /** Same, for another process of the environment (an extension); {@code name} names its log threads. */
    static RuntimeProcess start(Launch launch, List<String> command, Consumer<String> lines, String name)
            throws IOException {
        FunctionConfig config = launch.config();
        Map<String, String> environment = SandboxEnvironment.build(launch, Ids.logStreamName());
        long startNanos = System.nanoTime();
        try {
            return new RuntimeProcess(ChildLauncher.start(command, config.codeDir(), env -> {
                env.clear(); // Lambda's environment only, not the emulator's
                env.putAll(environment);
            }, false), startNanos, lines, name);
        } catch (IOException e) {
            throw new IOException("cannot start " + (name.startsWith("runtime-") ? "the runtime" : name) + " of function " + config.name() + " with command "
                    + command + " in " + config.codeDir() + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Completes when the process has exited, on a virtual thread of its own; dependents that wait must run
     * elsewhere ({@code thenRunAsync} with an executor of their own).
     */
    CompletableFuture<Void> exited() {
        return exited;
    }

    /** Waits up to the limit for the process to exit; true when it did. */
    boolean awaitExit(long maxMillis) {
        try {
            return process.waitFor(maxMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The init duration so far, for an invocation that ends before the runtime ever asked for it. */
    double msSinceStart() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    int maxMemoryUsedMb() {
        return memory.maxUsedMb();
    }

    /** Lets the pumps hand on what the child wrote before it answered. */
    void catchUpLogs() {
        stdout.catchUp(CATCH_UP_MILLIS);
        stderr.catchUp(CATCH_UP_MILLIS);
    }

    /** Waits a little for the last lines of an exited process. */
    void drainLogs(long maxMillis) {
        stdout.awaitEnd(maxMillis);
        stderr.awaitEnd(maxMillis);
    }

    /** Lambda's (and Go's) wording: {@code exit status 3}, or {@code signal: killed}. */
    String exitDescription() {
        int status = process.exitValue();
        return status > 128 && status < 128 + 32 ? "signal: " + Signals.name(status - 128) : "exit status " + status;
    }

    void kill() {
        ProcessTree.killAndAwaitAll(process.toHandle(), null, KILL_WAIT_MILLIS);
    }

    /**
     * Reads Max Memory Used (before the kill: /proc goes with the process), then kills, with one scan of /proc for
     * both (the timeout path, where every scan delays the answer). Returns the peak in MB.
     */
    int measureAndKill() {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        int peakMb = memory.maxUsedMb(descendants);
        ProcessTree.killAndAwaitAll(process.toHandle(), descendants, KILL_WAIT_MILLIS);
        return peakMb;
    }
}
