package dev.lambdabridge.emulator;

import dev.lambdabridge.emulator.testing.Fakes;
import dev.lambdabridge.emulator.testing.RawHttp;
import java.util.Arrays;
import java.util.Map;

/**
 * Not a test: a harness that measures the invoke round trip with the fake raw-socket runtime (echo), in-process
 * ({@link Emulator#invoke}) and over the Invoke API (a raw keep-alive socket as the client), after a baseline:
 * the same fake against a minimal blocking-socket Runtime API ({@link MinimalServerBaseline}). The emulator's
 * overhead is the difference of the medians. Run it with
 * {@code java -cp target/classes:target/test-classes:<deps> dev.lambdabridge.emulator.RoundTripBenchmark [n]}.
 */
public final class RoundTripBenchmark {
    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        MinimalServerBaseline.measure(n);
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(Fakes.function("bench", "echo").withCommand(jitCommand()));
            InvokeRequest request = InvokeRequest.of("{\"hello\":\"world\"}");
            measure("in-process invoke", n, () -> emulator.invoke("bench", request));
            try (RawHttp client = new RawHttp("127.0.0.1:" + emulator.invokePort())) {
                byte[] body = "{\"hello\":\"world\"}".getBytes();
                measure("HTTP Invoke API", n, () -> client.post("/2015-03-31/functions/bench/invocations",
                        Map.of(), body));
            }
        }
    }

    /** The fake's command without the fast-start flags (C1 only), so it runs at full speed. */
    static java.util.List<String> jitCommand() {
        return Fakes.command().stream().filter(arg -> !arg.startsWith("-X")).toList();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void measure(String name, int n, Call call) throws Exception {
        for (int i = 0; i < n; i++) {
            call.run();
        }
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%s: n=%d median=%d us p90=%d us p99=%d us%n", name, n, micros[n / 2],
                micros[n * 9 / 10], micros[n * 99 / 100]);
    }
}
