package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** Runs a byte-stream handler ({@code RequestStreamHandler} or a stream method): no JSON involved. */
final class RequestStreamInvocationHandler implements InvocationHandler {

    /** A stream handler's shape; exceptions pass through unchanged. */
    @FunctionalInterface
    interface StreamFunction {
        void handle(InputStream input, OutputStream output, Context context) throws Exception;
    }

    /**
     * A {@code RequestStreamHandler} called through its interface. A class rather than
     * {@code handler::handleRequest}: a method reference the AOT cache did not see in its training run is spun at
     * the cold start.
     */
    static final class Interface implements StreamFunction {
        private final RequestStreamHandler handler;

        Interface(RequestStreamHandler handler) {
            this.handler = handler;
        }

        @Override
        public void handle(InputStream input, OutputStream output, Context context) throws Exception {
            handler.handleRequest(input, output, context);
        }
    }

    private final StreamFunction function;

    RequestStreamInvocationHandler(StreamFunction function) {
        this.function = function;
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        function.handle(new ByteArrayInputStream(invocation.payload()), response, context);
    }
}
