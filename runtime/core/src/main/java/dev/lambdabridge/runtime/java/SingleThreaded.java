package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.OutputStream;

/** A handler whose class is marked {@code @NotThreadSafe}: the same handler, served by one invoke loop. */
final class SingleThreaded implements InvocationHandler {
    private final InvocationHandler handler;

    SingleThreaded(InvocationHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        handler.handle(invocation, context, response);
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }

    @Override
    public boolean streamsResponse() {
        return handler.streamsResponse();
    }

    @Override
    public void close() {
        handler.close();
    }
}
