package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Cold starts, interleaved, as the runtime and bridges suites take them: each a new function whose first invoke
 * starts its runtime process, killed after its first response. Each round runs in an emulator of its own (an
 * emulator cannot drop a function, and each hosted function holds threads of its Jetty pool: about 30 fit in
 * one); the order rotates by one each round, so that no case always goes first after a new emulator.
 */
final class ColdStarts {
    private ColdStarts() {
    }

    /**
     * One cold start.
     *
     * @param initMs        the emulator's Init Duration: process start to its first {@code GET next}
     * @param firstInvokeMs the emulator's Duration of the first invoke: the event delivered to its response
     * @param wallMs        the harness's own clock around that first invoke (cross-check)
     * @param rssMb         the emulator's Max Memory Used (VmHWM) at the first response
     */
    record Start(double initMs, double firstInvokeMs, double wallMs, double rssMb) {
        /** Process start to the first response. */
        double totalMs() {
            return initMs + firstInvokeMs;
        }
    }

    /** {@code rounds} cold starts of each case; {@code check} throws when a case answered wrong. */
    static <C> Map<C, List<Start>> run(EmulatorLog log, List<C> cases, int rounds,
                                       BiFunction<C, String, FunctionConfig> function,
                                       Function<C, InvokeRequest> request, BiConsumer<C, InvokeResult> check,
                                       PrintStream progress) throws InterruptedException {
        Map<C, List<Start>> starts = new LinkedHashMap<>();
        cases.forEach(c -> starts.put(c, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("cold start " + round + "/" + rounds + ":");
            try (Emulator emulator = log.start()) {
                for (int k = 0; k < cases.size(); k++) {
                    C c = cases.get((k + round - 1) % cases.size());
                    String name = "cold-" + c + "-" + round;
                    emulator.addFunction(function.apply(c, name));
                    long started = System.nanoTime();
                    InvokeResult result = emulator.invoke(name, request.apply(c));
                    double wallMs = (System.nanoTime() - started) / 1e6;
                    check.accept(c, result);
                    Processes.kill(result.pid(), false);
                    if (result.initDurationMs() == null) {
                        throw new IllegalStateException(c + ": the first invoke of " + name + " reported no init "
                                + "duration: it was not a cold start");
                    }
                    Start start = new Start(result.initDurationMs(), result.durationMs(), wallMs,
                            result.maxMemoryUsedMb());
                    starts.get(c).add(start);
                    line.append(String.format(" %s %.0f+%.0f ms", c, start.initMs(), start.firstInvokeMs()));
                }
            }
            progress.println(line);
        }
        return starts;
    }

    static Stats stats(List<Start> starts, ToDoubleFunction<Start> value) {
        return Stats.of(starts.stream().mapToDouble(value).toArray());
    }
}
