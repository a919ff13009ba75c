package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the in-JVM handler tests share: a Lambda environment, invocations, a log to read back. */
final class Fixtures {
    static final Path PROGRAMS = Path.of(System.getProperty("lambdabridge.testWorkers", "src/test/resources/workers"))
            .resolveSibling("programs").toAbsolutePath();
    static final Path WORKERS = PROGRAMS.resolveSibling("workers");
    /** The event of the injection tests: shell metacharacters and quotes, which must arrive as they are. */
    static final String HOSTILE_EVENT = "{\"text\": \"'; rm -rf / # $(id) `id` \\\"quoted\\\" 'single' | & ; < > *\", "
            + "\"unicode\": \"é€😀\"}\n";

    private Fixtures() {
    }

    static RuntimeEnvironment environment(Path taskRoot) {
        Map<String, String> env = new HashMap<>();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bridge-test");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bridge-test");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/27/[$LATEST]test");
        env.put("PATH", System.getenv("PATH")); // where the tests' php, ruby, go, python3 and node are
        return RuntimeEnvironment.from(env);
    }

    static Invocation invocation(String event, long timeoutMillis) {
        return invocation(event.getBytes(StandardCharsets.UTF_8), timeoutMillis);
    }

    static Invocation invocation(byte[] event, long timeoutMillis) {
        return new Invocation(UUID.randomUUID().toString(), System.currentTimeMillis() + timeoutMillis,
                "arn:aws:lambda:us-east-1:123456789012:function:bridge-test", "Root=1-5759e988-bd862e3fe1be46a994272793",
                null, null, event);
    }

    /** A log that keeps what is written (thread-safe: the logger synchronizes on it). */
    static final class Log {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RuntimeLogger logger = new RuntimeLogger(bytes, "TEXT", null);

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** A log that only counts lines: for floods. */
    static final class CountingLog extends OutputStream {
        long lines;
        long bytes;
        final RuntimeLogger logger = new RuntimeLogger(this, "TEXT", null);

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    static LambdaContext context(Invocation invocation, RuntimeEnvironment environment, RuntimeLogger logger) {
        return new LambdaContext(invocation, environment, logger);
    }

    /** The pids of this JVM's descendants (the programs the handlers started, and theirs). */
    static List<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toList());
    }
}
