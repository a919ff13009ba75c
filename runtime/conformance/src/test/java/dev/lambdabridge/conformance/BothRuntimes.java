package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

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

    InvokeResult invoke(Runtimes runtime, String handler, InvokeRequest request) {
        String name = functionName(handler);
        Emulator emulator = emulator(runtime);
        synchronized (added) {
            if (added.add(runtime + name)) {
                emulator.addFunction(FunctionConfig.of(name, handler, Runtimes.FUNCTION)
                        .withCommand(runtime.command(handler))
                        .withTimeout(Duration.ofSeconds(10))
                        .withMemoryMb(512)
                        .withEnv(Map.of()));
            }
        }
        return emulator.invoke(name, request);
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
