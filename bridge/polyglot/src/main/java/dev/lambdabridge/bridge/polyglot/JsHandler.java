package dev.lambdabridge.bridge.polyglot;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.json.JsonText;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
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
import java.util.regex.Pattern;

/**
 * {@code js:index.handler}: the export {@code handler} of {@code index.mjs} (an ES module), {@code index.cjs} or
 * {@code index.js} (CommonJS, or an ES module when the task root's package.json says {@code "type": "module"}), as
 * the Node.js runtime finds it. The handler may be async (or return a Promise), or take a callback.
 */
final class JsHandler extends GuestHandler {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern TYPE_MODULE = Pattern.compile("\"type\"\\s*:\\s*\"module\"");
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final JsHandlerName name;

    JsHandler(JsHandlerName name, RuntimeEnvironment environment, RuntimeLogger logger) {
        super("JavaScript", environment, logger);
        this.name = name;
    }

    @Override
    protected Loaded load() throws Exception {
        Path file = findModule();
        boolean esm = file.toString().endsWith(".mjs") || (file.toString().endsWith(".js") && packageTypeIsModule());
        Context context = contextBuilder("js")
                .allowExperimentalOptions(true)
                .option("js.commonjs-require", "true")
                .option("js.commonjs-require-cwd", taskRoot.toString())
                .option("js.esm-eval-returns-exports", "true")
                .build();
        try {
            Value glue = context.eval(GuestSources.JS).execute((ProxyExecutable) this::log, environmentJson());
            Value module = esm
                    ? context.eval(Source.newBuilder("js", file.toFile()).mimeType("application/javascript+module").build())
                    : context.eval("js", "require").execute(file.toString());
            Value handler = module;
            for (String member : name.exportPath()) {
                handler = handler == null || !handler.hasMembers() ? null : handler.getMember(member);
            }
            if (handler == null || !handler.canExecute()) {
                throw new HandlerFault(name + " is undefined or not exported", "Runtime.HandlerNotFound", null);
            }
            glue.invokeMember("setHandler", handler);
            glue.invokeMember("configure", environment.functionName(), environment.functionVersion(),
                    environment.memoryLimitMb(), environment.logGroupName(), environment.logStreamName());
            return new JsFunction(context, glue);
        } catch (PolyglotException e) {
            context.close(true);
            throw initFailure(e);
        } catch (RuntimeException | IOException e) {
            context.close(true);
            throw e;
        }
    }

    /** The module file, in the order Node.js's runtime tries them. */
    private Path findModule() {
        for (String extension : List.of(".js", ".mjs", ".cjs")) {
            Path file = taskRoot.resolve(name.module() + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new HandlerFault("Error: Cannot find module '" + name.module() + "' (no " + name.module() + ".js, .mjs "
                + "or .cjs in " + taskRoot + ")", "Runtime.ImportModuleError", null);
    }

    private boolean packageTypeIsModule() throws IOException {
        Path packageJson = taskRoot.resolve("package.json");
        return Files.isRegularFile(packageJson) && TYPE_MODULE.matcher(Files.readString(packageJson)).find();
    }

    /** Init errors with the error types of Node.js's runtime. */
    private static HandlerFault initFailure(PolyglotException e) {
        if (e.isSyntaxError()) {
            return new HandlerFault("SyntaxError: " + e.getMessage(), "Runtime.UserCodeSyntaxError", e);
        }
        if (e.getMessage() != null && e.getMessage().contains("Cannot find module")) {
            return new HandlerFault(e.getMessage(), "Runtime.ImportModuleError", e);
        }
        String type = "Error";
        if (e.isGuestException() && e.getGuestObject() != null && e.getGuestObject().hasMember("name")) {
            type = e.getGuestObject().getMember("name").toString();
        }
        return new HandlerFault(e.getMessage(), type, e);
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
