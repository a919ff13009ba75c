package dev.lambdabridge.runtime.loop;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.api.ResponseTooLargeException;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import dev.lambdabridge.runtime.api.RuntimeApiException;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

/**
 * The invoke loop: next event, handler, response or error, forever. One instance per loop; with
 * {@code AWS_LAMBDA_MAX_CONCURRENCY} above 1 the bootstrap runs several, each on its own connection, so nothing
 * here is shared between invocations but the handler.
 *
 * <p>It returns only when the process must end: the Runtime API failed ({@link
 * dev.lambdabridge.runtime.api.RuntimeApiException}, thrown) or the handler threw an Error after which the JVM
 * cannot be trusted ({@link VirtualMachineError}, as AWS's runtime client does), reported first and then
 * returned as the loop's exit reason.
 */
public final class InvokeLoop {
    /** The system property the X-Ray SDK reads the trace header from, as the managed Java runtime sets it. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final RuntimeApiClient client;
    private final InvocationHandler handler;
    private final RuntimeEnvironment environment;
    private final RuntimeLogger logger;
    private final boolean setTraceProperty;
    private final ResponseBuffer buffer = new ResponseBuffer();

    /**
     * @param setTraceProperty whether to publish each invocation's trace id in the JVM-wide system property
     *                         (only meaningful, and only safe, with a single loop)
     */
    public InvokeLoop(RuntimeApiClient client, InvocationHandler handler, RuntimeEnvironment environment,
                      RuntimeLogger logger, boolean setTraceProperty) {
        this.client = client;
        this.handler = handler;
        this.environment = environment;
        this.logger = logger;
        this.setTraceProperty = setTraceProperty;
    }

    /** Runs until the process must end; returns the fatal error that ended it. */
    public Throwable run() {
        while (true) {
            Throwable fatal = runOnce();
            if (fatal != null) {
                return fatal;
            }
        }
    }

    /** Runs {@code invocations} invocations (an AOT training run); returns the fatal error that ended it early. */
    public Throwable runFor(int invocations) {
        for (int i = 0; i < invocations; i++) {
            Throwable fatal = runOnce();
            if (fatal != null) {
                return fatal;
            }
        }
        return null;
    }

    /** One invocation; returns a fatal error when the loop must stop after it, null otherwise. */
    Throwable runOnce() {
        Invocation invocation = client.next();
        String requestId = invocation.requestId();
        RuntimeLogger.setRequestId(requestId);
        if (setTraceProperty) {
            publishTraceId(invocation.traceId());
        }
        try {
            buffer.recycle();
            handler.handle(invocation, new LambdaContext(invocation, environment, logger), buffer);
            client.respond(requestId, buffer.array(), buffer.size());
            return null;
        } catch (ResponseTooLargeException tooLarge) {
            logger.log(tooLarge.getMessage(), LogLevel.ERROR);
            return null;
        } catch (RuntimeApiException apiFailure) {
            throw apiFailure; // the Runtime API itself failed: nothing to report the invocation to
        } catch (Throwable failure) {
            logger.log(ErrorReports.logText(failure), logger.isJson() ? LogLevel.ERROR : LogLevel.UNDEFINED);
            client.reportError(requestId, ErrorReports.toPayload(failure));
            return failure instanceof VirtualMachineError ? failure : null;
        } finally {
            RuntimeLogger.setRequestId(null);
            Thread.interrupted(); // a handler may leave the flag set; it must not leak into the next invocation
        }
    }

    private static void publishTraceId(String traceId) {
        if (traceId == null) {
            System.clearProperty(TRACE_PROPERTY);
        } else {
            System.setProperty(TRACE_PROPERTY, traceId);
        }
    }
}
