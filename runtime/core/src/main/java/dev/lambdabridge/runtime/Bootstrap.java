package dev.lambdabridge.runtime;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import dev.lambdabridge.runtime.api.RuntimeApiException;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.handler.Handlers;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.java.TrainingClasses;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import dev.lambdabridge.runtime.snapstart.SnapStartPhase;
import dev.lambdabridge.runtime.loop.InvokeLoop;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's entry point, run by the {@code bootstrap} script: reads the Lambda environment, initialises the
 * handler named by {@code _HANDLER} (reporting a failure to {@code /runtime/init/error} and exiting), then runs
 * the SnapStart phase when {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} ({@link SnapStartPhase}), then the
 * invoke loop, or {@code AWS_LAMBDA_MAX_CONCURRENCY} of them on virtual threads.
 *
 * <p>Exit codes: 1 init failed, 2 the Runtime API failed or is unusable, 3 a fatal JVM error in the handler.
 */
public final class Bootstrap {

    /** System property: serve this many invocations and exit 0 (used to train the JVM's AOT cache). */
    static final String TRAINING_INVOCATIONS_PROPERTY = "lambdabridge.trainingInvocations";
    /** With the above: the training also serializes AWS's event types (TrainingClasses.serializeEvents). */
    static final String TRAINING_EVENTS_PROPERTY = "lambdabridge.trainingEvents";

    private Bootstrap() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment environment;
        RuntimeApiClient client;
        try {
            environment = RuntimeEnvironment.fromEnvironment();
            client = RuntimeApiClient.forAddress(environment.runtimeApi());
        } catch (IllegalArgumentException e) {
            System.err.println("lambda-bridge: " + e.getMessage());
            System.exit(2);
            return;
        }
        RuntimeLogger logger = new RuntimeLogger(new FileOutputStream(FileDescriptor.out),
                environment.logFormat(), environment.logLevel());
        installStaticLogger(logger);

        boolean snapStart = "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        if (snapStart) {
            SnapStartPhase.prepare();
        }
        InvocationHandler handler = init(environment, client, logger);
        if (snapStart) {
            runSnapStartPhase(client, logger);
        }
        System.exit(runLoops(environment, client, handler, logger));
    }

    private static InvocationHandler init(RuntimeEnvironment environment, RuntimeApiClient client,
                                          RuntimeLogger logger) {
        try {
            return Handlers.load(environment, logger);
        } catch (Throwable failure) {
            ErrorReports.log(logger, failure);
            try {
                client.reportInitError(ErrorReports.toPayload(failure));
            } catch (RuntimeApiException apiFailure) {
                System.err.println("lambda-bridge: could not report the init error: " + apiFailure.getMessage());
            }
            System.exit(1);
            return null;
        }
    }

    private static void runSnapStartPhase(RuntimeApiClient client, RuntimeLogger logger) {
        try {
            SnapStartPhase.run(client, logger);
        } catch (RuntimeApiException e) {
            System.err.println("lambda-bridge: exiting: " + e.getMessage());
            System.exit(2);
        }
    }

    private static int runLoops(RuntimeEnvironment environment, RuntimeApiClient client,
                                InvocationHandler handler, RuntimeLogger logger) {
        int loops = handler.isThreadSafe() && environment.threadSafe() ? environment.maxConcurrency() : 1;
        if (loops == 1) {
            InvokeLoop loop = new InvokeLoop(client, handler, environment, logger, true);
            Integer trainingRun = Integer.getInteger(TRAINING_INVOCATIONS_PROPERTY);
            if (trainingRun != null) {
                // an ahead-of-time cache training run (layers/): serve that many events, then exit normally so
                // that the JVM writes the cache, with the classes of the handler shapes the training's own
                // handler does not have; for lib/runtime-events.aot, also AWS's event serializers (the context
                // class loader is the function's, set by the Java handler's loader)
                TrainingClasses.load();
                if (Boolean.getBoolean(TRAINING_EVENTS_PROPERTY)) {
                    TrainingClasses.serializeEvents(Thread.currentThread().getContextClassLoader());
                }
                return loop.runFor(trainingRun) == null ? 0 : 2;
            }
            return exitCode(runLoop(loop));
        }
        List<Thread> threads = new ArrayList<>(loops);
        Throwable[] firstFatal = new Throwable[1];
        for (int i = 0; i < loops; i++) {
            InvokeLoop loop = new InvokeLoop(client.newClient(), handler, environment, logger, false);
            threads.add(Thread.ofVirtual().name("invoke-loop-" + i).start(() -> {
                Throwable fatal = runLoop(loop);
                synchronized (firstFatal) {
                    if (firstFatal[0] == null) {
                        firstFatal[0] = fatal;
                        firstFatal.notifyAll();
                    }
                }
            }));
        }
        synchronized (firstFatal) {
            while (firstFatal[0] == null) {
                try {
                    firstFatal.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
            }
            return exitCode(firstFatal[0]);
        }
    }

    /** Runs one loop to its end and says why it ended; the loop only ends when the process must. */
    private static Throwable runLoop(InvokeLoop loop) {
        try {
            return loop.run();
        } catch (RuntimeApiException e) {
            System.err.println("lambda-bridge: exiting: " + e.getMessage());
            return e;
        } catch (Throwable e) {
            System.err.println("lambda-bridge: exiting after an unexpected runtime failure: " + e);
            e.printStackTrace();
            return e;
        }
    }

    private static int exitCode(Throwable fatal) {
        return fatal instanceof VirtualMachineError ? 3 : 2;
    }

    /** Makes {@code LambdaRuntime.getLogger()} return the runtime's logger, as the managed runtime does. */
    private static void installStaticLogger(RuntimeLogger logger) {
        try {
            Field field = LambdaRuntime.class.getDeclaredField("logger");
            field.setAccessible(true);
            field.set(null, logger);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("lambda-bridge: LambdaRuntime.getLogger() keeps its default logger: " + e);
        }
    }
}
