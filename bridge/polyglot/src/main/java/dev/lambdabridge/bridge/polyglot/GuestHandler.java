package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.DeadlineWatchdog;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A JavaScript or Ruby handler: one polyglot context, on the process's shared engine, with the function's code
 * loaded at init; guest state (globals, module variables, Ruby constants) persists across invocations.
 *
 * <p>Each invocation is watched: at the context's kill-at time ({@link LambdaContext#killAtMs()}: the runtime's
 * kill margin, {@code LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS}, before Lambda's deadline) the context is cancelled from a
 * watchdog thread, the invocation fails with
 * {@link PolyglotTimeout}, and a fresh context, with the function loaded again, is prepared in the background for
 * the next invocation (Lambda would kill the whole process at the deadline itself). A guest that exits
 * ({@code exit} in Ruby) is replaced the same way.
 */
abstract class GuestHandler implements InvocationHandler {
    protected final RuntimeEnvironment environment;
    protected final RuntimeLogger logger;
    protected final Engine engine;
    protected final HostAccessSetting access;
    protected final Path taskRoot;
    protected final LogLines output;
    private final String language;
    private Loaded loaded;
    private CompletableFuture<Loaded> replacement;

    /** A context with the function's code loaded, ready to invoke. */
    protected interface Loaded {
        Context context();

        /** Runs one invocation to its end and returns the serialized result. */
        byte[] invoke(Invocation invocation, LambdaContext context, Watch watch) throws Exception;
    }

    GuestHandler(String language, RuntimeEnvironment environment, RuntimeLogger logger) {
        this.language = language;
        this.environment = environment;
        this.logger = logger;
        this.engine = SharedEngine.get(logger);
        this.access = HostAccessSetting.from(environment.variables().get(HostAccessSetting.VARIABLE));
        this.taskRoot = Path.of(environment.taskRoot()).toAbsolutePath().normalize();
        this.output = new LogLines(logger);
        environment.killMarginMs(); // a bad LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS is an init error
    }

    /** Creates a context and loads the function's code into it; user-code problems throw a HandlerFault. */
    protected abstract Loaded load() throws Exception;

    /** A context builder with what both languages share: engine, output, working directory, host access. */
    protected Context.Builder contextBuilder(String languageId) {
        return contextBuilder(languageId, access.fileSystem(taskRoot));
    }

    /** As {@link #contextBuilder(String)}, with the guest seeing {@code files} (a view of access.fileSystem). */
    protected Context.Builder contextBuilder(String languageId, org.graalvm.polyglot.io.FileSystem files) {
        Context.Builder builder = Context.newBuilder(languageId)
                .engine(engine)
                .out(output)
                .err(output)
                .in(InputStream.nullInputStream())
                .currentWorkingDirectory(taskRoot);
        return access.apply(builder, files);
    }

    /** Loads the function; called once, during Lambda's init. */
    final GuestHandler init() throws Exception {
        loaded = load();
        return this;
    }

    @Override
    public final void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        Loaded current = current();
        long started = System.currentTimeMillis();
        Watch watch = new Watch(current.context());
        DeadlineWatchdog.Armed timer = DeadlineWatchdog.SHARED.arm(watch, context.killAtMs());
        try {
            byte[] result = current.invoke(invocation, context, watch);
            if (watch.fired()) {
                replace(current); // the result came in as the context was being cancelled: keep it, renew the context
            }
            response.write(result);
        } catch (PolyglotException e) {
            if (watch.fired() || e.isCancelled()) {
                throw timedOut(current, invocation, context, started);
            }
            if (e.isExit()) {
                replace(current);
                throw new GuestError(LambdaErrorTypes.EXIT_ERROR, languageName() + " exited with status "
                        + e.getExitStatus() + " during the invocation; a fresh context serves the next one", List.of());
            }
            if (e.isInternalError() || e.isResourceExhausted()) {
                replace(current);
            }
            throw guestFailure(e, "JavaScript".equals(language));
        } catch (Watch.Fired | IllegalStateException e) {
            if (!watch.fired()) {
                throw e;
            }
            throw timedOut(current, invocation, context, started);
        } finally {
            timer.disarm();
            output.finishLine();
        }
    }

    /**
     * A guest exception that escaped the bridge's own error handling, as an error with the guest's words (stack
     * lines under JavaScript's key when {@code javascript}).
     */
    static GuestError guestFailure(PolyglotException e, boolean javascript) {
        String type = e.isHostException() ? e.asHostException().getClass().getName()
                : e.isInternalError() ? "Polyglot.InternalError" : "Error";
        List<String> trace = new java.util.ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                trace.add(frame.toString());
            }
        }
        return javascript ? GuestError.javascript(type, e.getMessage(), trace)
                : new GuestError(type, e.getMessage(), trace);
    }

    private PolyglotTimeout timedOut(Loaded current, Invocation invocation, LambdaContext context, long started) {
        replace(current);
        long ran = System.currentTimeMillis() - started;
        return new PolyglotTimeout(String.format(Locale.ROOT, "RequestId: %s Error: the handler was stopped after "
                + "%.2f seconds, %d ms before the invocation's deadline: its %s context was cancelled, and a fresh "
                + "one serves the next invocation", invocation.requestId(), ran / 1000.0, invocation.deadlineMs() - context.killAtMs(),
                languageName()));
    }

    private String languageName() {
        return language;
    }

    private synchronized Loaded current() throws Exception {
        if (loaded == null) {
            CompletableFuture<Loaded> pending = replacement;
            replacement = null;
            try {
                loaded = pending != null ? pending.join() : load();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return loaded;
    }

    /** Drops {@code old} and starts loading the function into a fresh context, off the invocation's path. */
    private synchronized void replace(Loaded old) {
        if (loaded != old) {
            return;
        }
        loaded = null;
        try {
            old.context().close(true);
        } catch (RuntimeException ignored) {
            // already closed by the watchdog, or closing itself after an exit
        }
        replacement = CompletableFuture.supplyAsync(() -> {
            try {
                return load();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "lambda-bridge-polyglot-reload");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A polyglot context allows one thread at a time: one invoke loop. */
    @Override
    public boolean isThreadSafe() {
        return false;
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.context().close(true);
            loaded = null;
        }
    }

    /** The watchdog of one invocation: when it fires, it cancels the context and wakes a waiting invocation. */
    static final class Watch implements Runnable {
        /** Thrown by {@link #sleep} when the watchdog fired during the wait. */
        static final class Fired extends RuntimeException {
            Fired() {
                super("cancelled before the deadline", null, false, false);
            }
        }

        private final Context context;
        private boolean fired;

        Watch(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            synchronized (this) {
                fired = true;
                notifyAll();
            }
            try {
                context.close(true);
            } catch (RuntimeException ignored) {
                // the invocation sees the cancellation; there is nothing more to do here
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** Waits {@code millis} (guest timers), or until the watchdog fires, which throws {@link Fired}. */
        synchronized void sleep(long millis) throws InterruptedException {
            long until = System.currentTimeMillis() + millis;
            for (long left = millis; !fired && left > 0; left = until - System.currentTimeMillis()) {
                wait(left);
            }
            if (fired) {
                throw new Fired();
            }
        }
    }
}
