package dev.lambdabridge.bridge.polyglot;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.bridge.polyglot.modules.ModuleFileSystem;
import dev.lambdabridge.bridge.polyglot.modules.NodeModules;
import dev.lambdabridge.bridge.polyglot.node.EventLoop;
import dev.lambdabridge.bridge.polyglot.node.IoQueue;
import dev.lambdabridge.bridge.polyglot.node.NodeBuiltins;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.GuestError;
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
        Context context = NodeBuiltins.configure(NodeModules.configure(
                contextBuilder("js", files).allowExperimentalOptions(true))).build();
        try {
            Value glue = context.eval(GuestSources.JS).execute((ProxyExecutable) this::log,
                    environmentJson(environment.variables()));
            IoQueue io = new IoQueue();
            Value loop = glue.getMember("loop");
            EventLoop eventLoop = new EventLoop(loop, io);
            Value requireBuiltin = NodeBuiltins.install(context, loop, access.roots(taskRoot), taskRoot, output, output, io);
            Value loader = NodeModules.install(context, requireBuiltin, files, taskRoot,
                    environment.variables().get("NODE_PATH"));
            Value module = evaluated(loader.invokeMember("loadMain", file.toString()), eventLoop, file);
            glue.invokeMember("setHandler", JsInitErrors.handler(module, name));
            glue.invokeMember("configure", environment.functionName(), environment.functionVersion(),
                    environment.memoryLimitMb(), environment.logGroupName(), environment.logStreamName());
            return new JsFunction(context, glue, eventLoop);
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
     * top-level await, running the event loop it waits on (as Node's does during init).
     */
    private static Value evaluated(Value state, EventLoop loop, Path file) throws InterruptedException {
        if (!state.getMember("settled").asBoolean() && !loop.run(state, () -> { }, false)) {
            throw JsInitErrors.unsettledTopLevelAwait(file.toString());
        }
        if (state.getMember("failed").asBoolean()) {
            throw JsInitErrors.thrown(state.getMember("error"));
        }
        return state.getMember("value");
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

    /** {@code process.env}: the runtime's environment ({@link RuntimeEnvironment#variables()}), sorted by name. */
    static String environmentJson(Map<String, String> variables) {
        StringBuilder json = new StringBuilder(1024).append('{');
        for (Map.Entry<String, String> variable : new TreeMap<>(variables).entrySet()) {
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
        private final EventLoop loop;

        JsFunction(Context context, Value glue, EventLoop loop) {
            this.context = context;
            this.glue = glue;
            this.loop = loop;
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
                // the usual case: settled (returned or resolved) with a result, nothing to wait for but the
                // nextTick callbacks it queued, which Node runs before it answers
                loop.runTicks();
                Value result = state.getMember("result");
                if (!(result.isString() && !state.getMember("waits").asBoolean())) {
                    // the event loop (node/EventLoop): until the handler settles; the loop emptying first means
                    // null, as Node.js's runtime answers when its event loop empties before the callback is called
                    if (!loop.run(state, () -> {
                        if (watch.fired()) {
                            throw new Watch.Fired();
                        }
                    }, true)) {
                        return NULL;
                    }
                }
                Value error = state.getMember("error");
                if (!error.isNull()) {
                    Value trace = error.getMember("trace");
                    List<String> lines = new ArrayList<>((int) trace.getArraySize());
                    for (long i = 0; i < trace.getArraySize(); i++) {
                        lines.add(trace.getArrayElement(i).asString());
                    }
                    throw GuestError.javascript(error.getMember("errorType").asString(),
                            error.getMember("errorMessage").asString(), lines);
                }
                return state.getMember("result").asString().getBytes(StandardCharsets.UTF_8);
            } finally {
                currentRequestId = "undefined";
            }
        }
    }
}
