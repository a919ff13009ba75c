package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.HandlerFault;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where programs are found: {@code $LAMBDA_TASK_ROOT}, {@code /opt/bin} (where layers put interpreters), then the
 * runtime's own {@code PATH}, in that order, without duplicates. The same list is the child's {@code PATH}, so
 * that what the program starts is found the same way.
 *
 * <p>A program name with a {@code /} is a path: relative ones ({@code ./hello}, {@code bin/hello}) are relative to
 * the task root. A name without one is looked up in each directory in turn: the first regular, executable file
 * wins, as a shell's lookup does.
 */
final class SearchPath {
    static final String LAYER_BIN = "/opt/bin";

    private final Path taskRoot;
    private final List<String> directories;

    private SearchPath(Path taskRoot, List<String> directories) {
        this.taskRoot = taskRoot;
        this.directories = List.copyOf(directories);
    }

    /** @param inheritedPath the runtime's {@code PATH}, may be null */
    static SearchPath of(Path taskRoot, String inheritedPath) {
        Set<String> directories = new LinkedHashSet<>();
        directories.add(taskRoot.toString());
        directories.add(LAYER_BIN);
        if (inheritedPath != null) {
            for (String entry : inheritedPath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(entry);
                }
            }
        }
        return new SearchPath(taskRoot, new ArrayList<>(directories));
    }

    List<String> directories() {
        return directories;
    }

    /** The value of the child's {@code PATH}. */
    String asPathVariable() {
        return String.join(File.pathSeparator, directories);
    }

    /**
     * The absolute path of {@code program}, checked to be an executable regular file.
     *
     * @throws HandlerFault {@code Process.NotFound}, naming the program and where it was looked for
     */
    Path resolve(String program) {
        if (program.indexOf('/') >= 0) {
            Path path;
            try {
                path = taskRoot.resolve(program).normalize();
            } catch (InvalidPathException e) {
                throw notFound("\"" + program + "\" is not a valid path: " + e.getMessage());
            }
            String problem = problemWith(path);
            if (problem != null) {
                throw notFound("Program \"" + program + "\" " + problem + (Path.of(program).isAbsolute() ? ""
                        : " (a relative path is relative to the task root, " + taskRoot + ")"));
            }
            return path;
        }
        List<String> unusable = new ArrayList<>();
        for (String directory : directories) {
            Path candidate;
            try {
                candidate = Path.of(directory).resolve(program);
            } catch (InvalidPathException e) {
                continue;
            }
            if (!Files.exists(candidate)) {
                continue;
            }
            String problem = problemWith(candidate);
            if (problem == null) {
                return candidate.toAbsolutePath();
            }
            unusable.add(candidate + " " + problem);
        }
        throw notFound("Program \"" + program + "\" was not found on PATH (" + asPathVariable() + ")"
                + (unusable.isEmpty() ? "" : "; found but not usable: " + String.join("; ", unusable))
                + ". Interpreters come from a layer (its bin/ is /opt/bin) and programs of the function's code "
                + "from the task root; a relative path such as ./hello is relative to the task root");
    }

    /** Why {@code path} cannot be run, or null when it can. */
    private static String problemWith(Path path) {
        if (!Files.exists(path)) {
            return "does not exist";
        }
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        if (!Files.isRegularFile(path)) {
            return "is not a regular file";
        }
        if (!Files.isExecutable(path)) {
            return "is not executable (it needs the execute permission: chmod 755 before zipping)";
        }
        return null;
    }

    private static HandlerFault notFound(String message) {
        return new HandlerFault(message, ProcessErrorTypes.NOT_FOUND, null);
    }
}
