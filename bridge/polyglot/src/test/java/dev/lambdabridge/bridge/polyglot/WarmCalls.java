package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The in-process cost of one warm invocation, without the Runtime API round trip: the bridge's handler is created
 * as the runtime creates it (init), then {@code handle} is called {@code N} times with a small JSON event, each
 * call timed. Prints {@code init_ms=... median_us=... p99_us=... min_us=...} on one line.
 *
 * <p>{@code java -cp <runtime jars>:<polyglot/lib>:<test-classes> dev.lambdabridge.bridge.polyglot.WarmCalls
 * HANDLER TASK_ROOT EVENT_FILE [WARMUP [N]]}; the JVM flags are the caller's (the bootstrap's, for a fair figure).
 * The function's log goes to a sink that drops it (stdout is the report).
 */
public final class WarmCalls {
    private WarmCalls() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: WarmCalls HANDLER TASK_ROOT EVENT_FILE [WARMUP [N]]");
            System.exit(2);
        }
        String handler = args[0];
        Path taskRoot = Path.of(args[1]);
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        Result result = measure(handler, taskRoot, event, warmup, n);
        System.out.println(result.line());
    }

    /** What one measurement found: init time, and each timed call's nanoseconds (sorted). */
    public record Result(String handler, double initMs, long[] sortedNanos, String lastResponse) {
        public double percentileUs(double p) {
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1000.0;
        }

        public String line() {
            return String.format(Locale.ROOT, "handler=%s init_ms=%.1f n=%d median_us=%.1f p99_us=%.1f min_us=%.1f "
                    + "response=%s", handler, initMs, sortedNanos.length, percentileUs(50), percentileUs(99),
                    sortedNanos[0] / 1000.0, lastResponse);
        }
    }

    public static Result measure(String handler, Path taskRoot, byte[] event, int warmup, int n) throws Exception {
        // The process's environment with the function's settings over it, as the bootstrap reads it: the bridges
        // take the guest's environment (process.env, ENV: e.g. an AWS SDK's endpoint and credentials) from here.
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putAll(Map.of(
                "_HANDLER", handler, "LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString(),
                "AWS_LAMBDA_FUNCTION_NAME", "warm-calls", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/warm-calls",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/27/[$LATEST]0"));
        RuntimeEnvironment environment = RuntimeEnvironment.from(variables);
        RuntimeLogger logger = new RuntimeLogger(OutputStream.nullOutputStream(), "TEXT", null);
        String scheme = handler.substring(0, handler.indexOf(':'));
        String spec = handler.substring(handler.indexOf(':') + 1);
        long started = System.nanoTime();
        InvocationHandler bridge = switch (scheme) {
            case "js" -> new JsHandlerFactory().create(spec, environment, logger);
            case "ruby" -> new RubyHandlerFactory().create(spec, environment, logger);
            default -> throw new IllegalArgumentException("not a polyglot handler: " + handler);
        };
        double initMs = (System.nanoTime() - started) / 1e6;
        try (bridge) {
            ByteArrayOutputStream response = new ByteArrayOutputStream(256);
            // request ids made before the timing: the runtime reads them from a header, it formats nothing
            String[] ids = new String[warmup + n];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = "00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012d", i);
            }
            for (int i = 0; i < warmup; i++) {
                call(bridge, environment, logger, event, ids[i], response);
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                call(bridge, environment, logger, event, ids[warmup + i], response);
                nanos[i] = System.nanoTime() - t0;
            }
            if (Boolean.getBoolean("warmcalls.series")) {
                series(nanos);
            }
            Arrays.sort(nanos);
            return new Result(handler, initMs, nanos, response.toString(StandardCharsets.UTF_8));
        }
    }

    /** With -Dwarmcalls.series=true: the median of each successive bucket of calls, to stderr (warm-up shape). */
    private static void series(long[] nanos) {
        StringBuilder line = new StringBuilder("series (calls: median us):");
        for (int from = 0, size = 1; from < nanos.length; from += size, size = Math.min(size * 2, 1000)) {
            long[] bucket = Arrays.copyOfRange(nanos, from, Math.min(nanos.length, from + size));
            Arrays.sort(bucket);
            line.append(String.format(Locale.ROOT, " %d-%d: %.0f", from + 1, from + bucket.length,
                    bucket[bucket.length / 2] / 1000.0));
        }
        System.err.println(line);
    }

    private static void call(InvocationHandler bridge, RuntimeEnvironment environment, RuntimeLogger logger,
                             byte[] event, String requestId, ByteArrayOutputStream response) throws Exception {
        Invocation invocation = new Invocation(requestId, System.currentTimeMillis() + 60_000,
                "arn:aws:lambda:us-east-1:000000000000:function:warm-calls", null, null, null, event);
        response.reset();
        bridge.handle(invocation, new LambdaContext(invocation, environment, logger), response);
    }
}
