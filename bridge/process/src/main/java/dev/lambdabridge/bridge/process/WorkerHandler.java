package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code worker:} — a persistent worker ({@link Worker}) started at init, serving one invocation at a time.
 *
 * <p>A worker that timed out, crashed, broke the protocol or exited between invocations is replaced at the next
 * invocation, within that invocation's time. A worker that is found gone when the INVOKE is written (killed
 * between invocations, faster than its exit was noticed) never saw the event, so the invocation is retried once on
 * a new worker. {@link #close()} kills the worker; so does a JVM shutdown (a shutdown hook), since the runtime
 * ends with {@code System.exit}.
 */
final class WorkerHandler implements InvocationHandler {
    private static final Set<WorkerHandler> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(WorkerHandler::close),
                "lambda-bridge-worker-shutdown"));
    }

    private final WorkerSettings settings;
    private Worker worker;

    private WorkerHandler(WorkerSettings settings, Worker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    /** Starts the worker and waits for READY until {@code readyByMillis}. */
    static WorkerHandler start(WorkerSettings settings, long readyByMillis) {
        WorkerHandler handler = new WorkerHandler(settings, WorkerStart.start(settings, readyByMillis, null));
        OPEN.add(handler);
        return handler;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        long killAt = context.killAtMs();
        for (int attempt = 1; ; attempt++) {
            Worker current = usableWorker(invocation, killAt);
            try {
                current.invoke(invocation, response, killAt);
                return;
            } catch (EventNotDelivered gone) {
                current.awaitGone();
                worker = null;
                if (attempt == 2) {
                    throw new GuestError(ProcessErrorTypes.WORKER_EXITED, settings.display() + " was gone twice before "
                            + "it got the event: " + gone.getMessage());
                }
                settings.log().note(settings.display() + " (pid " + current.pid() + ") was gone before it got the "
                        + "event (" + gone.getMessage() + "); the event goes to a new one");
            } catch (GuestError failure) {
                if (!current.usable()) {
                    current.awaitGone(); // killed: gone before the error is reported
                    worker = null;
                }
                throw failure;
            }
        }
    }

    /** The worker, or a new one when it is gone (started within the invocation's time). */
    private Worker usableWorker(Invocation invocation, long killAt) {
        if (worker != null && worker.usable()) {
            return worker;
        }
        if (worker != null) {
            worker.kill();
        }
        worker = null;
        worker = WorkerStart.start(settings, killAt, invocation.requestId());
        return worker;
    }

    /** One worker serves one invocation at a time. */
    @Override
    public boolean isThreadSafe() {
        return false;
    }

    /** Kills the worker and everything it started. */
    @Override
    public void close() {
        OPEN.remove(this);
        Worker current = worker;
        worker = null;
        if (current != null) {
            current.killAndWait();
        }
    }

    /** The current worker (for tests). */
    Worker currentWorker() {
        return worker;
    }

    /** The pid of the current worker, or -1 (for tests). */
    long workerPid() {
        Worker current = worker;
        return current == null ? -1 : current.pid();
    }
}
