package dev.lambdabridge.runtime.java;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.serialization.PojoSerializer;
import dev.lambdabridge.runtime.serialization.Serializers;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Runs a handler that takes and returns objects: JSON event to the input type, the handler, the result to JSON.
 * Serializers are created at init (Lambda's init phase), not on the first event. The errors for a bad event and
 * an unserialisable result are the managed runtime's ({@code java.lang.RuntimeException}, "An error occurred
 * during JSON parsing" / "... serialization of response").
 */
final class PojoInvocationHandler implements InvocationHandler {
    /** An object handler's shape; exceptions pass through unchanged. */
    @FunctionalInterface
    interface PojoFunction {
        Object apply(Object input, Context context) throws Exception;
    }

    /** A {@code RequestHandler} called through its interface (a class, for the reason StreamMethodCall gives). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class Interface implements PojoFunction {
        private final RequestHandler handler;

        Interface(RequestHandler handler) {
            this.handler = handler;
        }

        @Override
        public Object apply(Object input, Context context) {
            return handler.handleRequest(input, context);
        }
    }

    private final PojoFunction function;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    /** {@code inputType} null: the handler takes no event. A void {@code outputType} answers {@code null}. */
    PojoInvocationHandler(PojoFunction function, Type inputType, Type outputType, ClassLoader loader) {
        this.function = function;
        // input first, then output: the order in which the managed runtime creates them (it matters for one quirk
        // of AWS's event serializers, see runtime/serialization)
        this.input = inputType == null ? null : Serializers.forType(inputType, loader);
        this.output = Serializers.forResultType(outputType, loader);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static PojoInvocationHandler forRequestHandler(Class<?> type, ClassLoader loader) {
        Type[] types = HandlerTypes.of(type, RequestHandler.class);
        RequestHandler handler = (RequestHandler) Instances.create(type);
        return new PojoInvocationHandler(new Interface(handler), types[0], types[1], loader);
    }

    @Override
    public void handle(Invocation invocation, LambdaContext context, OutputStream response) throws Exception {
        // the serializers throw the managed runtime's own errors ("An error occurred during JSON parsing", ...)
        Object event = input == null ? null : input.fromJson(new ByteArrayInputStream(invocation.payload()));
        Object result = function.apply(event, context);
        output.toJson(result, response);
    }
}
