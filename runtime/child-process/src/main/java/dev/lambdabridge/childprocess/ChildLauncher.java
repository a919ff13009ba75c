package dev.lambdabridge.childprocess;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a child process the way the process bridge (an {@code exec:} program, a worker) and the emulator (a
 * runtime, an extension) both start theirs: no shell (the arguments are passed as they are), in a working
 * directory, with an environment the caller edits in place, and stdin a pipe or {@code /dev/null} (never the
 * parent's: a child that reads stdin must not block on, or take, what is meant for the JVM).
 *
 * <p>The environment is edited in place rather than replaced: {@link ProcessBuilder#environment()} starts as this
 * process's environment and keeps the bytes of the values it inherited, where a map of Strings put back would be
 * re-encoded by the JVM (a non-ASCII value becomes {@code ?} under a non-UTF-8 locale). A caller that wants only
 * its own variables clears the map first.
 */
public final class ChildLauncher {
    private static final File DEV_NULL = new File("/dev/null");

    private ChildLauncher() {
    }

    /**
     * Starts {@code argv} in {@code directory}.
     *
     * @param environment edits the child's environment (it starts as this process's)
     * @param stdinPiped  whether the child's stdin is a pipe ({@link Process#getOutputStream()}); else /dev/null
     * @throws IOException when the program cannot be started (the JDK's message: not found, not executable)
     */
    public static Process start(List<String> argv, Path directory, Consumer<Map<String, String>> environment,
                                boolean stdinPiped) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(directory.toFile())
                .redirectInput(stdinPiped ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(DEV_NULL));
        environment.accept(builder.environment());
        return builder.start();
    }
}
