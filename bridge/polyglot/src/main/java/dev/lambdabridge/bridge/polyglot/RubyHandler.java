package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ruby:function.handler}: the method {@code handler(event:, context:)} of {@code function.rb}, or
 * {@code ruby:lib/app.Module::Class.method}, run by TruffleRuby in the runtime's process. Events are parsed with
 * {@code JSON.parse} and results serialized with {@code to_json}, in Ruby; errors are reported as the Ruby runtime
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
        Context.Builder builder = contextBuilder("ruby")
                .allowExperimentalOptions(true)
                // puts and $stderr through the context's streams (the function's log), not straight to fd 1 and 2
                .option("ruby.polyglot-stdio", "true");
        if (access == HostAccessSetting.NONE) {
            // TruffleRuby does processes, files, Dir and ENV through native POSIX calls, which no polyglot setting
            // restricts: closed host access means no native calls. require (of the function's files and the
            // standard library) still works; ENV is a snapshot (bridge.rb); File and Dir on paths need "all".
            builder.option("ruby.platform-native", "false").option("ruby.rubygems", "false");
        }
        Context context = builder.build();
        try {
            Value glue = context.eval(GuestSources.RUBY);
            if (access == HostAccessSetting.NONE) {
                glue.invokeMember("snapshot_env", JsHandler.environmentJson());
            }
            Value failure = glue.invokeMember("load_handler", taskRoot.toString(), name.file(), name.constant(),
                    name.method());
            if (!failure.isNull()) {
                throw new HandlerFault(failure.getArrayElement(1).asString(), failure.getArrayElement(0).asString(),
                        null);
            }
            return new RubyFunction(context, glue);
        } catch (PolyglotException e) {
            context.close(true);
            throw new HandlerFault(e.getMessage(), "Init<" + (e.isSyntaxError() ? "SyntaxError" : "Error") + ">", e);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private final class RubyFunction implements Loaded {
        private final Context context;
        private final Value glue;

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
            Value outcome = glue.invokeMember("invoke", new String(invocation.payload(), StandardCharsets.UTF_8),
                    invocation.requestId(), invocation.invokedFunctionArn(), invocation.deadlineMs(),
                    environment.functionName(), environment.functionVersion(), environment.memoryLimitMb(),
                    environment.logGroupName(), environment.logStreamName(), invocation.cognitoIdentityJson(),
                    invocation.clientContextJson());
            if (outcome.getArrayElement(0).asString().equals("ok")) {
                return outcome.getArrayElement(1).asString().getBytes(StandardCharsets.UTF_8);
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
