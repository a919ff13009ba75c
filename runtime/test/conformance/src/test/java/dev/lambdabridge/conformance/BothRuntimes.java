package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two emulators, one per runtime, hosting the same handlers under the same function names, so that a test can
 * send one event to both and compare what comes back. The log lines are kept, not printed, and shown when a
 * comparison fails.
 */
final class BothRuntimes implements AutoCloseable {
    final List<String> log = new CopyOnWriteArrayList<>();
    private final Emulator bridge = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> log.add("[bridge] " + line)));
    private final Emulator aws = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> log.add("[aws] " + line)));
    private final Set<String> added = new HashSet<>();

    /** Results of the same invocation under lambda-bridge and under AWS's runtime client. */
    record Pair(InvokeResult bridge, InvokeResult aws) {
    }

    Pair invoke(String handler, InvokeRequest request) {
        return new Pair(invoke(Runtimes.BRIDGE, handler, request), invoke(Runtimes.AWS, handler, request));
    }

    /** The same, with {@code AWS_LAMBDA_MAX_CONCURRENCY} set: several loops in each runtime. */
    Pair invokeConcurrent(String handler, InvokeRequest request, int maxConcurrency) {
        return new Pair(invoke(Runtimes.BRIDGE, handler, request, maxConcurrency),
                invoke(Runtimes.AWS, handler, request, maxConcurrency));
    }

    InvokeResult invoke(Runtimes runtime, String handler, InvokeRequest request) {
        return invoke(runtime, handler, request, 1);
    }

    /** A function with its own code directory and environment (a sample of samples/frameworks). */
    record Function(String name, Path code, String handler, Map<String, String> env, int maxConcurrency,
                    Duration timeout) {
        /** A framework's function: a longer timeout, since a framework's first invocation may start it. */
        static Function framework(String name, Path code, String handler, Map<String, String> env) {
            return new Function(name, code, handler, env, 1, Duration.ofSeconds(30));
        }

        Function withMaxConcurrency(int loops) {
            return new Function(name + "_x" + loops, code, handler, env, loops, timeout);
        }
    }

    /** The same invocation of {@code function} under both runtimes. */
    Pair invoke(Function function, InvokeRequest request) {
        return new Pair(invoke(Runtimes.BRIDGE, function, request), invoke(Runtimes.AWS, function, request));
    }

    private InvokeResult invoke(Runtimes runtime, String handler, InvokeRequest request, int maxConcurrency) {
        String name = functionName(maxConcurrency == 1 ? handler : handler + "_x" + maxConcurrency);
        return invoke(runtime, new Function(name, Runtimes.FUNCTION, handler, Map.of(), maxConcurrency,
                Duration.ofSeconds(10)), request);
    }

    InvokeResult invoke(Runtimes runtime, Function function, InvokeRequest request) {
        Emulator emulator = emulator(runtime);
        synchronized (added) {
            if (added.add(runtime + function.name())) {
                emulator.addFunction(FunctionConfig.of(function.name(), function.handler(), function.code())
                        .withCommand(runtime.command(function.handler()))
                        .withTimeout(function.timeout())
                        .withMemoryMb(512)
                        .withMaxConcurrency(function.maxConcurrency())
                        .withEnv(function.env()));
            }
        }
        return emulator.invoke(function.name(), request);
    }

    Emulator emulator(Runtimes runtime) {
        return runtime == Runtimes.BRIDGE ? bridge : aws;
    }

    static String functionName(String handler) {
        String name = handler.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    String logText() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        bridge.close();
        aws.close();
    }
}
