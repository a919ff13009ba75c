package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ruby:function.handler}: the method {@code handler(event:, context:)} of {@code function.rb}, or
 * {@code ruby:lib/app.Module::Class.method}, run by TruffleRuby in the runtime's process. Events are parsed in Java
 * and built into Ruby values in the guest ({@link RubyEvent}: what {@code JSON.parse} would make, several times
 * faster in Truffle's interpreter), results serialized as {@code to_json} would (bridge.rb); errors are reported as the Ruby runtime
 * reports them ({@code Function<RuntimeError>}, the message, the backtrace).
 */
final class RubyHandler extends GuestHandler {
    private final RubyHandlerName name;

    RubyHandler(RubyHandlerName name, RuntimeEnvironment environment, RuntimeLogger logger) {
        super("Ruby", environment, logger);
        this.name = name;
    }

    @Override
    protected Loaded load() {
        Context context = RubyContextOptions.apply(contextBuilder("ruby")).build();
        try {
            Value glue = context.eval(GuestSources.RUBY);
            glue.invokeMember("prepare", taskRoot.toString(), access == HostAccessSetting.NONE);
            Value failure = glue.invokeMember("load_handler", taskRoot.toString(), name.file(), name.constant(),
                    name.method());
            if (!failure.isNull()) {
                throw initError(failure);
            }
            glue.invokeMember("configure", environment.functionName(), environment.functionVersion(),
                    environment.memoryLimitMb(), environment.logGroupName(), environment.logStreamName());
            return new RubyFunction(context, glue);
        } catch (PolyglotException e) {
            context.close(true);
            List<String> trace = GuestHandler.guestFailure(e, false).errorStackTrace();
            throw new GuestError("Init<" + (e.isSyntaxError() ? "SyntaxError" : "Error") + ">", e.getMessage(), trace);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /**
     * An exception the function's file raised while it was required (bridge.rb's {@code [errorType, message,
     * *backtrace]}), as AWS's Ruby runtime posts it to {@code /runtime/init/error}: {@code Init<LoadError>}, the
     * message, and the backtrace as {@code stackTrace}.
     */
    private static GuestError initError(Value failure) {
        List<String> backtrace = new ArrayList<>();
        for (long i = 2; i < failure.getArraySize(); i++) {
            backtrace.add(failure.getArrayElement(i).asString());
        }
        return new GuestError(failure.getArrayElement(0).asString(), failure.getArrayElement(1).asString(), backtrace);
    }

    /** Event layouts that get a builder of their own, per context (RubyEvent's shape and keys). */
    static final int MAX_BUILDERS = 64;
    /** Longer shapes (bigger events) are built by build_event's loop: no builder, nothing kept (bridge.rb agrees). */
    static final int MAX_BUILDER_SHAPE = 2000;
    /** Nor do events whose keys make a layout longer than this (what is kept per layout is bounded). */
    static final int MAX_LAYOUT = 16_384;

    private final class RubyFunction implements Loaded {
        private final Context context;
        private final Value glue;
        /**
         * Each event layout (shape and keys, {@link RubyEvent#layout()}) seen twice gets a builder (bridge.rb's
         * compile_builder): the event in one Ruby expression with its keys as literals, several times faster in
         * Truffle's interpreter than build_event's loop over the shape, and only the values cross from Java. A
         * layout seen once stays in {@code seenOnce}; a builder costs an eval (a millisecond or so), paid on the
         * second event of a layout, never on the first invocation. {@code null} values: layouts with no builder.
         */
        private final Map<String, Value> builders = new HashMap<>();
        private final Set<String> seenOnce = new HashSet<>();

        RubyFunction(Context context, Value glue) {
            this.context = context;
            this.glue = glue;
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public byte[] invoke(Invocation invocation, LambdaContext lambdaContext, Watch watch) {
            RubyEvent event = RubyEvent.parse(invocation.payload());
            Value outcome;
            if (event == null) {
                outcome = glue.invokeMember("invoke_json", new String(invocation.payload(), StandardCharsets.UTF_8),
                        invocation.requestId(), invocation.invokedFunctionArn(), invocation.deadlineMs(),
                        orFalse(invocation.cognitoIdentityJson()), orFalse(invocation.clientContextJson()));
            } else {
                Value builder = builderFor(event);
                Object[] values = builder != null ? event.scalars() : event.values();
                Object[] arguments = new Object[6 + values.length];
                arguments[0] = builder != null ? builder : event.shape();
                arguments[1] = invocation.requestId();
                arguments[2] = invocation.invokedFunctionArn();
                arguments[3] = invocation.deadlineMs();
                arguments[4] = orFalse(invocation.cognitoIdentityJson());
                arguments[5] = orFalse(invocation.clientContextJson());
                System.arraycopy(values, 0, arguments, 6, values.length);
                outcome = glue.invokeMember(builder != null ? "invoke_built" : "invoke", arguments);
            }
            return answer(outcome);
        }

        /**
         * An absent identity or client context as Ruby's false: Java's null reaches Ruby as a foreign null, whose
         * every {@code nil?} is an interop call (a test of false is none).
         */
        private static Object orFalse(String json) {
            return json == null ? Boolean.FALSE : json;
        }

        /** The builder of an event layout seen before (made now if this is its second time), or null. */
        private Value builderFor(RubyEvent event) {
            if (event.shape().length() > MAX_BUILDER_SHAPE) {
                return null;
            }
            String layout = event.layout();
            if (layout.length() > MAX_LAYOUT) {
                return null;
            }
            Value builder = builders.get(layout);
            if (builder != null || builders.containsKey(layout)) {
                return builder;
            }
            if (seenOnce.add(layout)) {
                if (seenOnce.size() > 4 * MAX_BUILDERS) {
                    seenOnce.clear(); // many one-off layouts: forget them rather than grow
                    seenOnce.add(layout);
                }
                return null;
            }
            if (builders.size() >= MAX_BUILDERS) {
                return null;
            }
            seenOnce.remove(layout);
            Object[] keys = event.keys();
            Object[] arguments = new Object[1 + keys.length];
            arguments[0] = event.shape();
            System.arraycopy(keys, 0, arguments, 1, keys.length);
            Value made = glue.invokeMember("compile_builder", arguments);
            builder = made.isNull() ? null : made;
            builders.put(layout, builder);
            return builder;
        }

        private byte[] answer(Value outcome) {
            if (outcome.isString()) {
                return outcome.asString().getBytes(StandardCharsets.UTF_8); // the result's JSON
            }
            List<String> backtrace = new ArrayList<>();
            for (long i = 3; i < outcome.getArraySize(); i++) {
                backtrace.add(outcome.getArrayElement(i).asString());
            }
            throw new GuestError(outcome.getArrayElement(1).asString(), outcome.getArrayElement(2).asString(),
                    backtrace);
        }
    }
}
