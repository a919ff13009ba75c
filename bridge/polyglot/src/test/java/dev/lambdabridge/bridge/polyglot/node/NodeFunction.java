package dev.lambdabridge.bridge.polyglot.node;

import dev.lambdabridge.bridge.polyglot.JsHandlerFactory;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A js: function made of one script, run in-process through the real bridge (JsHandler, its context, the
 * built-ins, the event loop), as the runtime runs it: init, then invocations.
 */
final class NodeFunction implements AutoCloseable {
    private final InvocationHandler handler;
    private final RuntimeEnvironment environment;
    private final RuntimeLogger logger;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final Path taskRoot;

    NodeFunction(String fileName, String script) throws Exception {
        taskRoot = Files.createTempDirectory("lambda-bridge-node").toRealPath();
        Files.writeString(taskRoot.resolve(fileName), script);
        String module = fileName.substring(0, fileName.lastIndexOf('.'));
        environment = RuntimeEnvironment.from(Map.of(
                "_HANDLER", "js:" + module + ".handler", "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "AWS_LAMBDA_FUNCTION_NAME", "node-builtins", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/node-builtins",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/03/[$LATEST]0", "PATH", System.getenv("PATH")));
        logger = new RuntimeLogger(log, "TEXT", null);
        handler = new JsHandlerFactory().create(module + ".handler", environment, logger);
    }

    static NodeFunction of(String script) throws Exception {
        return new NodeFunction("index.js", script);
    }

    /** One invocation with {@code event}; its response, or the error it failed with (as an exception). */
    String invoke(String event, long timeoutMs) throws Exception {
        String id = UUID.randomUUID().toString();
        Invocation invocation = new Invocation(id, System.currentTimeMillis() + timeoutMs,
                "arn:aws:lambda:us-east-1:123456789012:function:node-builtins", null, null, null,
                event.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handle(invocation, new LambdaContext(invocation, environment, logger), response);
        return response.toString(StandardCharsets.UTF_8);
    }

    String invoke(String event) throws Exception {
        return invoke(event, 10_000);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        handler.close();
    }
}
