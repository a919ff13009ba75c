package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * The five languages of the process bridge, as samples/scripts runs them: the classic per-invocation program
 * ({@code exec:}), the same program against the worker shim ({@code worker:}), and the bare start of the
 * interpreter or binary the harness measures beside them. Every function gets {@link #EVENT} (samples/scripts/
 * events/hello.json, 3 top-level keys) and owes the answer below.
 */
enum Language {
    PHP("php", "PHP", "php", "exec:php HelloLambda.php", "worker:php worker.php",
            List.of("php", "-r", ""), "php -r ''", List.of("php", "HelloLambda.php"), true, "{\"result\":3}"),
    RUBY("ruby", "Ruby", "ruby", "exec:ruby hello.rb {event}", "worker:ruby worker.rb",
            List.of("ruby", "-e", ""), "ruby -e ''", List.of("ruby", "hello.rb", "{event}"), false, "3"),
    GO("go", "Go", "go", "exec:./hello {event}", "worker:./worker",
            List.of("./hello", "{}"), "./hello '{}'", List.of("./hello", "{event}"), false,
            "\"Hello from Go!\\n3\\n\""),
    PYTHON("python", "Python", "python", "exec:python3 hello.py", "worker:python3 worker.py",
            List.of("python3", "-c", ""), "python3 -c ''", List.of("python3", "hello.py"), true, "{\"result\":3}"),
    NODE("node", "Node.js", "node", "exec:node hello.js {event}", "worker:node index.js",
            List.of("node", "-e", ""), "node -e ''", List.of("node", "hello.js", "{event}"), false,
            "{\"result\":3}");

    /** samples/scripts/events/hello.json, compacted: Lambda's console test event. */
    static final String EVENT = "{\"key1\":\"value1\",\"key2\":\"value2\",\"key3\":\"value3\"}";
    /** What every worker answers to {@link #EVENT}. */
    static final String WORKER_ANSWER = "{\"result\":3}";

    final String id;
    final String label;
    /** The code directory under samples/scripts. */
    final String codeDir;
    final String execHandler;
    final String workerHandler;
    /** The bare start: the interpreter with an empty program, or the Go binary with a small argument. */
    final List<String> bareStart;
    final String bareStartLabel;
    /** The exec: program run by the harness itself, without runtime or emulator ({@code {event}}: the event). */
    final List<String> direct;
    /** Whether the exec: program reads the event on stdin (else it takes it as an argument). */
    final boolean eventOnStdin;
    /** The exec: program's answer to {@link #EVENT}, as the bridge returns it (trimmed). */
    final String execAnswer;

    Language(String id, String label, String codeDir, String execHandler, String workerHandler,
             List<String> bareStart, String bareStartLabel, List<String> direct, boolean eventOnStdin,
             String execAnswer) {
        this.id = id;
        this.label = label;
        this.codeDir = codeDir;
        this.execHandler = execHandler;
        this.workerHandler = workerHandler;
        this.bareStart = bareStart;
        this.bareStartLabel = bareStartLabel;
        this.direct = direct;
        this.eventOnStdin = eventOnStdin;
        this.execAnswer = execAnswer;
    }

    static Language byId(String id) {
        for (Language language : values()) {
            if (language.id.equals(id)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + id + "': use php, ruby, go, python or node");
    }

    String handler(Mode mode) {
        return mode == Mode.EXEC ? execHandler : workerHandler;
    }

    String answer(Mode mode) {
        return mode == Mode.EXEC ? execAnswer : WORKER_ANSWER;
    }

    /** The program the code directory must hold (the Go binaries are built by samples/scripts/build.sh). */
    List<Path> requiredFiles(Path samples) {
        Path dir = samples.resolve(codeDir);
        return switch (this) {
            case PHP -> List.of(dir.resolve("HelloLambda.php"), dir.resolve("worker.php"));
            case RUBY -> List.of(dir.resolve("hello.rb"), dir.resolve("worker.rb"));
            case GO -> List.of(dir.resolve("hello"), dir.resolve("worker"));
            case PYTHON -> List.of(dir.resolve("hello.py"), dir.resolve("worker.py"));
            case NODE -> List.of(dir.resolve("hello.js"), dir.resolve("index.js"));
        };
    }

    /** The two ways the bridge runs a program. */
    enum Mode {
        EXEC("exec", "exec: (process per invocation)"),
        WORKER("worker", "worker: (persistent worker)");

        final String id;
        final String label;

        Mode(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }
}
