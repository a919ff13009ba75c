package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark behind {@code scripts/bench-concurrency}, on the emulator and runtime/core's bootstrap:
 * <ol>
 *   <li>Throughput of a handler that waits 10 ms ({@code Sleep10}) with {@code AWS_LAMBDA_MAX_CONCURRENCY} 1, 8
 *       and 64: one function per level (the emulator dispatches that many invocations at once), as many callers
 *       as the level, each invoking in a loop; {@code --rounds} blocks of {@code --seconds} per level,
 *       interleaved, the order rotating. The ideal is level / 10 ms.</li>
 *   <li>Time to first byte of a 4 MB response made in 40 pieces with 5 ms of work before each: streamed
 *       ({@code StreamedChunks}, a StreamingHandler that flushes each piece) against the same handler buffered
 *       ({@code BufferedChunks}), read over a socket from the Invoke API, alternating.</li>
 * </ol>
 */
public final class ConcurrencyBenchmark {
    static final String EVENT = "{\"n\":1}";

    /** One level's blocks: invokes per second of each, and the latencies of all. */
    record Level(int level, List<Double> throughputs, Stats latencyMillis, long invokes) {
        double medianThroughput() {
            return Stats.of(throughputs.stream().mapToDouble(Double::doubleValue).toArray()).median();
        }

        double ideal() {
            return level * 1000.0 / 10;
        }
    }

    /** Time to first byte and to the last, in ms, streamed and buffered. */
    record FirstByte(Stats streamedFirst, Stats streamedTotal, Stats bufferedFirst, Stats bufferedTotal, long bytes) {
    }

    /** Everything one run produced. */
    record Results(Machine.Environment environment, ConcurrencyOptions options, List<Level> levels,
                   FirstByte firstByte) {
    }

    private final ConcurrencyOptions options;
    private final PrintStream progress;
    private final EmulatorLog log = new EmulatorLog();

    ConcurrencyBenchmark(ConcurrencyOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    Results run() throws Exception {
        if (!Files.isExecutable(options.bootstrap())) {
            throw new IllegalStateException("no bootstrap at " + options.bootstrap() + ": build runtime/core first");
        }
        Path function = options.moduleDir().resolve("target/function");
        String loadStart = Machine.loadAverage();
        try (Emulator emulator = log.start()) {
            for (int level : options.levels()) {
                emulator.addFunction(config("sleep-" + level, "benchmark.handlers.Sleep10", function, level));
            }
            emulator.addFunction(config("streamed", "benchmark.handlers.StreamedChunks", function, 1));
            emulator.addFunction(config("buffered", "benchmark.handlers.BufferedChunks", function, 1));
            for (int level : options.levels()) {
                progress.println("warming up sleep-" + level);
                block(emulator, level, 1.0);
            }
            List<List<Double>> throughputs = new ArrayList<>();
            List<List<Double>> latencies = new ArrayList<>();
            for (int i = 0; i < options.levels().size(); i++) {
                throughputs.add(new ArrayList<>());
                latencies.add(new ArrayList<>());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int k = 0; k < options.levels().size(); k++) {
                    int i = (k + round) % options.levels().size();
                    int level = options.levels().get(i);
                    Block block = block(emulator, level, options.seconds());
                    throughputs.get(i).add(block.throughput());
                    latencies.get(i).addAll(block.latencies());
                    progress.printf("round %d, concurrency %d: %.0f invokes/s%n", round + 1, level, block.throughput());
                }
            }
            List<Level> levels = new ArrayList<>();
            for (int i = 0; i < options.levels().size(); i++) {
                double[] millis = latencies.get(i).stream().mapToDouble(Double::doubleValue).toArray();
                levels.add(new Level(options.levels().get(i), throughputs.get(i), Stats.of(millis), millis.length));
            }
            FirstByte firstByte = firstByte(emulator);
            return new Results(Machine.describe(options.command(), loadStart, options.moduleDir(), List.of()), options,
                    levels, firstByte);
        }
    }

    private FunctionConfig config(String name, String handler, Path function, int level) {
        return new FunctionConfig(name, handler, function, Duration.ofSeconds(30), 512, Map.of(),
                List.of(options.bootstrap().toString()), level);
    }

    private record Block(double throughput, List<Double> latencies) {
    }

    /** {@code level} callers invoking in a loop for {@code seconds}. */
    private Block block(Emulator emulator, int level, double seconds) throws InterruptedException {
        String name = "sleep-" + level;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger failures = new AtomicInteger();
        List<List<Double>> perCaller = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < level; c++) {
            List<Double> mine = new ArrayList<>();
            perCaller.add(mine);
            callers.add(Thread.ofVirtual().start(() -> {
                InvokeRequest request = InvokeRequest.of(EVENT);
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    InvokeResult result = emulator.invoke(name, request);
                    if (result.isFunctionError()) {
                        failures.incrementAndGet();
                    }
                    mine.add((System.nanoTime() - t) / 1e6);
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " invokes of " + name + " failed; " + log.tail());
        }
        List<Double> all = new ArrayList<>();
        perCaller.forEach(all::addAll);
        return new Block(all.size() / elapsed, all);
    }

    private FirstByte firstByte(Emulator emulator) throws Exception {
        byte[] event = EVENT.getBytes(StandardCharsets.UTF_8);
        int port = emulator.invokePort();
        for (int i = 0; i < 3; i++) {
            FirstByteCall.post(port, "streamed", event);
            FirstByteCall.post(port, "buffered", event);
        }
        double[][] values = new double[4][options.streams()];
        long bytes = 0;
        for (int i = 0; i < options.streams(); i++) {
            FirstByteCall streamed = FirstByteCall.post(port, "streamed", event);
            FirstByteCall buffered = FirstByteCall.post(port, "buffered", event);
            if (streamed.trailerError() != null || streamed.bytes() != buffered.bytes()) {
                throw new IllegalStateException("streamed " + streamed.bytes() + " bytes (" + streamed.trailerError()
                        + "), buffered " + buffered.bytes());
            }
            values[0][i] = streamed.firstByteNanos() / 1e6;
            values[1][i] = streamed.totalNanos() / 1e6;
            values[2][i] = buffered.firstByteNanos() / 1e6;
            values[3][i] = buffered.totalNanos() / 1e6;
            bytes = streamed.bytes();
        }
        progress.printf("time to first byte: streamed %.1f ms, buffered %.1f ms (medians)%n",
                Stats.of(values[0]).median(), Stats.of(values[2]).median());
        return new FirstByte(Stats.of(values[0]), Stats.of(values[1]), Stats.of(values[2]), Stats.of(values[3]), bytes);
    }

}
