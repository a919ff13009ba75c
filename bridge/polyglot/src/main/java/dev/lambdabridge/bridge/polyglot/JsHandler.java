package dev.lambdabridge.bridge.polyglot;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.bridge.polyglot.modules.ModuleFileSystem;
import dev.lambdabridge.bridge.polyglot.modules.NodeModules;
import dev.lambdabridge.runtime.json.JsonText;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code js:index.handler}: the export {@code handler} of {@code index.mjs} (an ES module), {@code index.cjs} or
 * {@code index.js} (CommonJS, or an ES module when the task root's package.json says {@code "type": "module"}), as
 * the Node.js runtime finds it. The handler may be async (or return a Promise), or take a callback.
 */
final class JsHandler extends GuestHandler {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final JsHandlerName name;

    JsHandler(JsHandlerName name, RuntimeEnvironment environment, RuntimeLogger logger) {
        super("JavaScript", environment, logger);
        this.name = name;
    }

    @Override
    protected Loaded load() throws Exception {
        Path file = findModule();
        ModuleFileSystem files = new ModuleFileSystem(access.fileSystem(taskRoot));
        Context context = NodeModules.configure(contextBuilder("js", files).allowExperimentalOptions(true)).build();
        try {
            Value glue = context.eval(GuestSources.JS).execute((ProxyExecutable) this::log, environmentJson());
            Value loader = NodeModules.install(context, requireBuiltin(context), files, taskRoot,
                    System.getenv("NODE_PATH"));
            Value module = evaluated(loader.invokeMember("loadMain", file.toString()), glue, file);
            glue.invokeMember("setHandler", JsInitErrors.handler(module, name));
            glue.invokeMember("configure", environment.functionName(), environment.functionVersion(),
                    environment.memoryLimitMb(), environment.logGroupName(), environment.logStreamName());
            return new JsFunction(context, glue);
        } catch (PolyglotException e) {
            RuntimeException failure = JsInitErrors.of(e); // read while the context is open: it owns the error
            context.close(true);
            throw failure;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /**
     * The module's exports once its evaluation has ended: at once for CommonJS; for an ES module, after its
     * top-level await, running the timers it waits for (as Node's event loop would during init).
     */
    private static Value evaluated(Value state, Value glue, Path file) throws InterruptedException {
        while (!state.getMember("settled").asBoolean()) {
            long next = glue.invokeMember("runTimers").asLong();
            if (state.getMember("settled").asBoolean()) {
                break;
            }
            if (next < 0) {
                throw JsInitErrors.unsettledTopLevelAwait(file.toString());
            }
            Thread.sleep(Math.max(1, next));
        }
        if (state.getMember("failed").asBoolean()) {
            throw JsInitErrors.thrown(state.getMember("error"));
        }
        return state.getMember("value");
    }

    /**
     * The built-in modules' registry ({@code requireBuiltin}). Until builtins.js is in the jar, a registry that
     * knows none, so that a built-in's name fails as a module Node does not have.
     */
    private static Value requireBuiltin(Context context) {
        return context.eval("js", "(() => { const r = (name) => { const e = new Error('No such built-in module: '"
                + " + (String(name).startsWith('node:') ? name : 'node:' + name)); e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';"
                + " throw e; }; r.isBuiltin = () => false; r.builtinModules = []; return r; })()");
    }

    /** The module file, in the order Node.js's runtime tries them. */
    private Path findModule() {
        for (String extension : List.of("", ".js", ".mjs", ".cjs")) {
            Path file = taskRoot.resolve(name.module() + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw JsInitErrors.moduleNotFound(name.module());
    }

    static String environmentJson() {
        StringBuilder json = new StringBuilder(1024).append('{');
        for (Map.Entry<String, String> variable : new TreeMap<>(System.getenv()).entrySet()) {
            JsonText.appendString(json.length() > 1 ? json.append(',') : json, variable.getKey()).append(':');
            JsonText.appendString(json, variable.getValue());
        }
        return json.append('}').toString();
    }

    /** console.log and friends: {@code <timestamp>\t<requestId>\t<LEVEL>\t<message>}, as Node.js's runtime writes. */
    private Object log(Value... arguments) {
        LogLevel level = LogLevel.valueOf(arguments[0].asString());
        String message = arguments[1].asString();
        if (!logger.isEnabled(level)) {
            return null;
        }
        if (logger.isJson()) {
            logger.log(message, level);
        } else {
            StringBuilder line = new StringBuilder(message.length() + 64);
            TIMESTAMP.formatTo(Instant.now(), line);
            line.append('\t').append(currentRequestId).append('\t').append(level).append('\t').append(message);
            logger.log(line.toString());
        }
        return null;
    }

    private volatile String currentRequestId = "undefined";

    private final class JsFunction implements Loaded {
        private final Context context;
        private final Value glue;

        JsFunction(Context context, Value glue) {
            this.context = context;
            this.glue = glue;
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public byte[] invoke(Invocation invocation, LambdaContext lambdaContext, Watch watch) throws Exception {
            currentRequestId = invocation.requestId();
            try {
                Value state = glue.invokeMember("invoke", new String(invocation.payload(), StandardCharsets.UTF_8),
                        invocation.requestId(), invocation.invokedFunctionArn(), invocation.deadlineMs(),
                        invocation.cognitoIdentityJson(), invocation.clientContextJson());
                // the usual case in one call: settled (returned, resolved or called back) with a result
                Value result = state.getMember("result");
                if (result.isString()) {
                    return result.asString().getBytes(StandardCharsets.UTF_8);
                }
                // the event loop: run due timers until the handler settles; nothing pending and no result means
                // null, as Node.js's runtime answers when its event loop empties before the callback is called
                while (!state.getMember("settled").asBoolean()) {
                    long next = glue.invokeMember("runTimers").asLong();
                    if (state.getMember("settled").asBoolean()) {
                        break;
                    }
                    if (next < 0) {
                        return NULL;
                    }
                    watch.sleep(next);
                }
                Value error = state.getMember("error");
                if (!error.isNull()) {
                    Value trace = error.getMember("trace");
                    List<String> lines = new ArrayList<>((int) trace.getArraySize());
                    for (long i = 0; i < trace.getArraySize(); i++) {
                        lines.add(trace.getArrayElement(i).asString());
                    }
                    throw new GuestError(error.getMember("errorType").asString(),
                            error.getMember("errorMessage").asString(), lines);
                }
                return state.getMember("result").asString().getBytes(StandardCharsets.UTF_8);
            } finally {
                currentRequestId = "undefined";
            }
        }
    }
}
