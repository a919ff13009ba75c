package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.handler.HandlerFactory;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code _HANDLER=worker:<program> <arguments>}: a persistent worker ({@link WorkerHandler}), started during init
 * and ready (READY) within Lambda's init limit, 10 s from the runtime's start, less the safety margin. What goes
 * wrong before READY (program not found, exit, silence, the worker's own ERROR) is the init error.
 */
public final class WorkerHandlerFactory implements HandlerFactory {

    @Override
    public String scheme() {
        return "worker";
    }

    @Override
    public InvocationHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger) {
        long runtimeStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
        return create(spec, environment, logger,
                runtimeStart + LambdaLimits.INIT_MILLIS - environment.killMarginMs());
    }

    static WorkerHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger,
                                long readyByMillis) {
        CommandSpec command = CommandSpec.parse("worker", spec);
        Map<String, String> env = environment.variables();
        Path taskRoot = Path.of(environment.taskRoot()).toAbsolutePath().normalize();
        SearchPath path = SearchPath.of(taskRoot, env.get("PATH"));
        Path program = path.resolve(command.program());
        FunctionLog log = new FunctionLog(logger);
        WorkerSettings settings = new WorkerSettings(new Program(command, program, taskRoot,
                new ChildEnvironment(path, Shims.environment(env, program))), environment, log);
        try {
            return WorkerHandler.start(settings, readyByMillis);
        } catch (GuestError failure) {
            if (!failure.errorStackTrace().isEmpty()) {
                log.note(failure.getMessage() + ": " + failure.errorType() + "\n\t"
                        + String.join("\n\t", failure.errorStackTrace()));
            }
            throw new HandlerFault(failure.getMessage(), failure.errorType(), failure);
        }
    }
}
