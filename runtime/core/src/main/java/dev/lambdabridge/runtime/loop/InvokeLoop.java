package dev.lambdabridge.runtime.loop;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.api.TraceId;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.api.ResponseTooLargeException;
import dev.lambdabridge.runtime.api.RuntimeApiClient;
import dev.lambdabridge.runtime.api.RuntimeApiException;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

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
    /**
     * With several loops: the key of the trace id in the AWS SDK's {@code SdkInternalThreadLocal}, where AWS's
     * runtime interface client puts it for each invocation and the AWS SDK, the X-Ray SDK and Powertools read it.
     */
    static final String CONCURRENT_TRACE_KEY = "AWS_LAMBDA_X_TRACE_ID";

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
        TraceId.set(invocation.traceId());
        if (setTraceProperty) {
            publishTraceId(invocation.traceId());
        } else {
            SdkInternalThreadLocal.put(CONCURRENT_TRACE_KEY, invocation.traceId());
        }
        if (handler.streamsResponse()) {
            return runStreaming(invocation);
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
            ErrorReports.log(logger, failure);
            client.reportError(requestId, ErrorReports.toPayload(failure));
            return failure instanceof VirtualMachineError ? failure : null;
        } finally {
            endInvocation();
        }
    }

    /**
     * A streamed response: the handler writes to the Runtime API as it goes. A failure before the first byte is
     * posted to {@code /error} as for any handler; after it, it ends the stream with the error trailers.
     */
    private Throwable runStreaming(Invocation invocation) {
        String requestId = invocation.requestId();
        StreamingResponse response = new StreamingResponse(client, requestId);
        try {
            handler.handle(invocation, new LambdaContext(invocation, environment, logger), response);
            if (response.overLimit()) {
                logger.log(StreamingResponse.tooLarge().json(), LogLevel.ERROR);
            }
            response.complete();
            return null;
        } catch (RuntimeApiException apiFailure) {
            throw apiFailure;
        } catch (Throwable failure) {
            ErrorReports.log(logger, failure);
            ErrorPayload error = response.overLimit() ? StreamingResponse.tooLarge() : ErrorReports.toPayload(failure);
            if (response.started()) {
                failStream(response, error);
            } else {
                client.reportError(requestId, error);
            }
            return failure instanceof VirtualMachineError ? failure : null;
        } finally {
            endInvocation();
        }
    }

    private static void failStream(StreamingResponse response, ErrorPayload error) {
        try {
            response.fail(error);
        } catch (java.io.IOException e) {
            throw new RuntimeApiException("Runtime API stream failed while sending the error trailers: "
                    + e.getMessage(), 0, e);
        }
    }

    private void endInvocation() {
        RuntimeLogger.setRequestId(null);
        TraceId.set(null);
        if (!setTraceProperty) {
            SdkInternalThreadLocal.remove(CONCURRENT_TRACE_KEY);
        }
        Thread.interrupted(); // a handler may leave the flag set; it must not leak into the next invocation
    }

    private static void publishTraceId(String traceId) {
        if (traceId == null) {
            System.clearProperty(TRACE_PROPERTY);
        } else {
            System.setProperty(TRACE_PROPERTY, traceId);
        }
    }
}
