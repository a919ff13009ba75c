package dev.lambdabridge.runtime.handler;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;

import java.io.OutputStream;

/**
 * The one interface the invoke loop calls: a Java handler, a process bridge or a polyglot bridge, chosen and
 * initialised once from {@code _HANDLER}. It reads the event from {@link Invocation#payload()} and writes the
 * response bytes to {@code response}; whatever it throws is reported to Lambda as the invocation's error.
 * The loop decides where {@code response} goes (a buffer posted whole, or a stream), so a handler does not
 * change when streaming is turned on. A handler that stops what it runs before Lambda's deadline (the bridges)
 * stops it at the context's {@link LambdaContext#killAtMs()}, which the loop's context gives it.
 */
public interface InvocationHandler extends AutoCloseable {

    void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception;

    /**
     * Whether the handler can run several invocations at once (Lambda Managed Instances,
     * {@code AWS_LAMBDA_MAX_CONCURRENCY}); a handler that says no gets one invoke loop.
     */
    default boolean isThreadSafe() {
        return true;
    }

    /**
     * Whether the loop streams the response ({@code Lambda-Runtime-Function-Response-Mode: streaming}); then the
     * stream given to {@link #handle} is a {@link dev.lambdabridge.api.ResponseStream}.
     */
    default boolean streamsResponse() {
        return false;
    }

    /** Releases what init acquired (child processes, polyglot contexts); called once at shutdown. */
    @Override
    default void close() {
    }
}
