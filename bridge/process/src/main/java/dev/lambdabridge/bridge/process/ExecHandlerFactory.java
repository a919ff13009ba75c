package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.handler.HandlerFactory;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code _HANDLER=exec:<program> <arguments>}: one process per invocation ({@link ExecHandler}). The program is
 * resolved at init, so that a missing interpreter is an init error naming it and the {@code PATH} searched.
 */
public final class ExecHandlerFactory implements HandlerFactory {

    @Override
    public String scheme() {
        return "exec";
    }

    @Override
    public InvocationHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger) {
        return createExec(spec, environment, logger);
    }

    static ExecHandler createExec(String spec, RuntimeEnvironment environment, RuntimeLogger logger) {
        CommandSpec command = CommandSpec.parse("exec", spec);
        environment.killMarginMs(); // a bad LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS is an init error
        Path taskRoot = Path.of(environment.taskRoot()).toAbsolutePath().normalize();
        SearchPath path = SearchPath.of(taskRoot, environment.variables().get("PATH"));
        Path program = path.resolve(command.program());
        return new ExecHandler(new Program(command, program, taskRoot, new ChildEnvironment(path, Map.of())),
                new FunctionLog(logger));
    }
}
