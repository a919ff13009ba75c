package dev.lambdabridge.runtime.snapstart;

import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import dev.lambdabridge.runtime.api.RuntimeApiException;
import dev.lambdabridge.runtime.crac.Core;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

/**
 * The SnapStart phase between init and the first event ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), as
 * AWS's Java runtime client 2.10.1 runs it: the {@code beforeCheckpoint} hooks, {@code GET restore/next} (Lambda
 * snapshots the environment while it waits and answers after a restore), then the {@code afterRestore} hooks. A
 * failing {@code beforeCheckpoint} is an init error ({@code Runtime.BeforeCheckpointError} to {@code init/error}),
 * a failing {@code afterRestore} a restore error ({@code Runtime.AfterRestoreError} to {@code restore/error}); the
 * runtime then exits 1, as after any init error. Loaded only in SnapStart mode.
 */
public final class SnapStartPhase {
    /** The system property by which org.crac finds its implementation: the package of {@link Core}. */
    public static final String ORG_CRAC_COMPAT = "org.crac.Core.Compat";
    static final String BEFORE_CHECKPOINT_ERROR = "Runtime.BeforeCheckpointError";
    static final String AFTER_RESTORE_ERROR = "Runtime.AfterRestoreError";

    private SnapStartPhase() {
    }

    /** Before init: makes the function's org.crac register its resources with {@link Core}'s global context. */
    public static void prepare() {
        if (System.getProperty(ORG_CRAC_COMPAT) == null) {
            System.setProperty(ORG_CRAC_COMPAT, Core.class.getPackageName());
        }
    }

    /** After init; returns once restored and the hooks ran, or exits the process. */
    public static void run(RuntimeApiClient client, RuntimeLogger logger) {
        try {
            Core.getGlobalContext().runBeforeCheckpoint();
        } catch (Exception failure) {
            fail(logger, failure, BEFORE_CHECKPOINT_ERROR, payload -> client.reportInitError(payload), "init");
        }
        client.restoreNext();
        try {
            Core.getGlobalContext().runAfterRestore();
        } catch (Exception failure) {
            fail(logger, failure, AFTER_RESTORE_ERROR, payload -> client.reportRestoreError(payload), "restore");
        }
    }

    private static void fail(RuntimeLogger logger, Exception failure, String errorType,
                             java.util.function.Consumer<ErrorPayload> report, String what) {
        ErrorReports.log(logger, failure);
        ErrorPayload payload = ErrorReports.toPayload(failure);
        try {
            report.accept(new ErrorPayload(errorType, payload.json(), payload.xrayCauseJson()));
        } catch (RuntimeApiException apiFailure) {
            System.err.println("lambda-bridge: could not report the " + what + " error: " + apiFailure.getMessage());
        }
        System.exit(1);
    }
}
