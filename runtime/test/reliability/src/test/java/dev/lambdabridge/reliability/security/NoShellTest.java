package dev.lambdabridge.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md, "no shell between an event and a program", by reading the code: the runtime, the emulator and
 * the bridges start processes only through {@code ProcessBuilder} with an argv (two places, listed here; a new
 * one must be reviewed and added), never with a shell or {@code Runtime.exec(String)}; the worker shims (PHP,
 * Ruby, Go) start no process at all. The end-to-end half is HostileInputTest#shellMetacharactersReachEveryProgramVerbatim.
 */
class NoShellTest {
    private static final Path ROOT = Path.of(System.getProperty("reliability.root"));
    /**
     * Where processes are started: one place, runtime/child-process's launcher, for the exec: program and the worker
     * (both through the process bridge's Program) and the emulator's runtime processes.
     */
    private static final List<String> PROCESS_STARTS = List.of(
            "runtime/child-process/src/main/java/dev/lambdabridge/childprocess/ChildLauncher.java");
    private static final Pattern JAVA_START = Pattern.compile("new ProcessBuilder\\(|Runtime\\.getRuntime\\(\\)\\.exec|"
            + "ProcessBuilder\\.startPipeline");
    private static final Pattern JAVA_SHELL = Pattern.compile("\"(/bin/)?(ba|da|z)?sh\"|\"-c\"|\"cmd(\\.exe)?\"");
    private static final Pattern PHP_SPAWN = Pattern.compile("\\b(shell_exec|system|passthru|popen|proc_open|exec|"
            + "pcntl_exec|pcntl_fork)\\s*\\(");
    private static final Pattern RUBY_SPAWN = Pattern.compile("\\b(system|spawn|exec|fork|popen|popen3|capture2e?|"
            + "capture3)\\s*[( ]|IO\\.popen|Open3|PTY|%x[{(\\[]|^[^#]*`");
    private static final Pattern GO_SPAWN = Pattern.compile("\"os/exec\"|syscall\\.(Exec|ForkExec)|os\\.StartProcess");

    @Test
    void processesStartOnlyFromAnArgvAndNeverThroughAShell() throws IOException {
        List<String> starts = new ArrayList<>();
        List<String> shells = new ArrayList<>();
        for (String dir : List.of("runtime/core/src/main", "runtime/local/emulator/src/main", "runtime/serialization/src/main",
                "runtime/handler-api/src/main", "runtime/child-process/src/main", "bridge/process/src/main",
                "bridge/polyglot/src/main")) {
            for (Path file : files(ROOT.resolve(dir), ".java")) {
                String text = Files.readString(file);
                if (JAVA_START.matcher(text).find()) {
                    starts.add(ROOT.relativize(file).toString());
                }
                if (JAVA_SHELL.matcher(text).find()) {
                    shells.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertEquals(PROCESS_STARTS, starts.stream().sorted().toList(), "process starts to review");
        assertEquals(List.of(), shells, "a shell named in the runtime's or the bridges' code");
    }

    @Test
    void theWorkerShimsStartNoProcess() throws IOException {
        List<String> found = new ArrayList<>();
        Path shims = ROOT.resolve("bridge/process/shims");
        scan(files(shims.resolve("php"), ".php"), PHP_SPAWN, "//", found);
        scan(files(shims.resolve("ruby"), ".rb"), RUBY_SPAWN, "#", found);
        scan(files(shims.resolve("go"), ".go").stream().filter(p -> !p.toString().endsWith("_test.go")).toList(),
                GO_SPAWN, "//", found);
        assertFalse(files(shims, ".php").isEmpty() || files(shims, ".rb").isEmpty() || files(shims, ".go").isEmpty(),
                "no shims under " + shims);
        assertEquals(List.of(), found, "a shim that starts a process");
    }

    /** Matches outside comment lines (a line whose first non-blank characters are the comment marker, or ' *'). */
    private static void scan(List<Path> files, Pattern spawn, String comment, List<String> found) throws IOException {
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith(comment) || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                if (spawn.matcher(line).find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                }
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
