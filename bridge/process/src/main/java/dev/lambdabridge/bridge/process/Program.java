package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.ChildLauncher;
import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The program of an {@code exec:} or {@code worker:} handler, as it is started: the command of the handler string,
 * the program it resolved to, the task root it runs in and the environment it gets. How both handlers start a
 * process ({@link ChildLauncher}, as the emulator starts its runtimes): without a shell, in the task root, stdin
 * from the event or from /dev/null.
 *
 * @param command     the handler string's program and arguments
 * @param path        the program, resolved on the {@link SearchPath} at init
 * @param taskRoot    the working directory
 * @param environment the runtime's environment with the bridge's variables
 */
record Program(CommandSpec command, Path path, Path taskRoot, ChildEnvironment environment) {
    /**
     * Starts the program.
     *
     * @param display       how messages name it ({@code "php x.php"}, {@code worker "php x.php"})
     * @param eventArgument the value of {@code {event}} arguments, or null
     * @param stdinPiped    whether stdin is a pipe ({@link ChildProcess#feedStdin}); else /dev/null
     * @param invocation    whose variables the program gets ({@code exec:}), or null
     * @param variables     more variables to set
     * @param marker        the {@code NAME=value} entry of {@code variables} or of the invocation's variables by
     *                      which {@link ProcessTree} finds what the program started
     * @throws GuestError  {@code Process.NotFound} when it cannot be started
     */
    ChildProcess start(String display, String eventArgument, boolean stdinPiped, Invocation invocation,
                       Map<String, String> variables, String marker) {
        try {
            return new ChildProcess(ChildLauncher.start(command.argv(path.toString(), eventArgument), taskRoot, env -> {
                if (invocation == null) {
                    environment.applyTo(env);
                } else {
                    environment.applyTo(env, invocation);
                }
                env.putAll(variables);
            }, stdinPiped), marker);
        } catch (IOException e) {
            throw new GuestError(ProcessErrorTypes.NOT_FOUND, "Cannot start " + display + " (" + path + "): "
                    + e.getMessage());
        }
    }
}
