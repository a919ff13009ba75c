package dev.lambdabridge.runtime.java;

import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.api.StreamingHandler;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/** Runs a {@link StreamingHandler}: the loop streams its response (the stream it passes is a ResponseStream). */
final class StreamingInvocationHandler implements InvocationHandler {
    private final StreamingHandler handler;

    StreamingInvocationHandler(StreamingHandler handler) {
        this.handler = handler;
    }

    @Override
    public boolean streamsResponse() {
        return true;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        handler.handleRequest(new ByteArrayInputStream(invocation.payload()), (ResponseStream) response, context);
    }
}
