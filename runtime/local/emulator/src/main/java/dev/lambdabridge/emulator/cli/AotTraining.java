package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train-aot}: makes the JVM's ahead-of-time cache (JEP 483/514/515) for lambda-bridge's runtime by running
 * a function on the emulator: the runtime starts with {@code -XX:AOTCacheOutput}, serves {@code --invocations}
 * events, exits normally, and the JVM writes the cache. Only the runtime's own class path is cached (the JVM
 * caches classes of its built-in loaders); the function's classes, loaded by the task class loader, are not.
 */
final class AotTraining {
    private static final long EXIT_WAIT_MILLIS = 180_000;
    /**
     * The first invocation includes the runtime's start, which under load took 15 s here (scripts/build-layers
     * failed on the default 3 s); also a framework's start for train-function.
     */
    static final Duration FIRST_INVOCATION_TIMEOUT = Duration.ofSeconds(60);

    private AotTraining() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = new ArrayList<>();
        Path output = null;
        int invocations = 200;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if ((option.equals("--output") || option.equals("--invocations")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (option.equals("--output")) {
                    output = Path.of(value).toAbsolutePath();
                } else {
                    invocations = parseCount(value);
                }
            } else {
                rest.add(option);
            }
        }
        if (output == null) {
            throw new UsageException("train-aot needs --output FILE.aot");
        }
        CliOptions options = CliOptions.parse(rest, 0);
        if (options.event() == null) {
            throw new UsageException("train-aot needs --event FILE");
        }
        byte[] event;
        try {
            event = Files.readAllBytes(Path.of(options.event()));
        } catch (java.io.IOException e) {
            throw new UsageException("--event " + options.event() + ": cannot read it: " + e.getMessage());
        }
        FunctionConfig function = withTrainingOptions(options.function(), output, invocations);
        if (!rest.contains("--timeout")) {
            function = function.withTimeout(FIRST_INVOCATION_TIMEOUT);
        }
        return train("train-aot", function, List.of(event), invocations, output, out, err);
    }

    static int parseCount(String value) throws UsageException {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= 100_000) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--invocations needs a whole number from 1 to 100000, got '" + value + "'");
    }

    private static FunctionConfig withTrainingOptions(FunctionConfig function, Path output, int invocations) {
        Map<String, String> env = new LinkedHashMap<>(function.env());
        String jvmOptions = "-XX:AOTCacheOutput=" + output + " -Dlambdabridge.trainingInvocations=" + invocations;
        env.merge("LAMBDA_BRIDGE_JVM_OPTS", jvmOptions, (old, added) -> old + " " + added);
        env.put("LAMBDA_BRIDGE_AOT", "off");
        return function.withEnv(env);
    }

    /**
     * Serves {@code invocations} events, the {@code events} in turn, then waits for the runtime to exit and write
     * {@code output}. On a failed invocation, prints the function's last log lines.
     */
    static int train(String command, FunctionConfig function, List<byte[]> events, int invocations, Path output,
                     PrintStream out, PrintStream err) {
        try {
            Files.deleteIfExists(output);
        } catch (java.io.IOException e) {
            err.println("emulator: cannot replace " + output + ": " + e.getMessage());
            return 1;
        }
        LastLines log = new LastLines(40);
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add))) {
            emulator.addFunction(function);
            for (int i = 1; i <= invocations; i++) {
                InvokeResult result = emulator.invoke(function.name(),
                        InvokeRequest.of(events.get((i - 1) % events.size())));
                if (result.isFunctionError()) {
                    err.println("emulator: training invocation " + i + " (event " + ((i - 1) % events.size() + 1)
                            + ") failed: " + result.payloadText());
                    log.printTo(err);
                    return 1;
                }
                if (i % 50 == 0 || i == invocations) {
                    out.println(command + ": " + i + "/" + invocations + " invocations");
                }
            }
            waitForExit(emulator);
        }
        if (!Files.isRegularFile(output)) {
            err.println("emulator: the runtime exited but wrote no AOT cache at " + output);
            log.printTo(err);
            return 1;
        }
        out.println(command + ": wrote " + output + " (" + output.toFile().length() / 1024 + " KiB)");
        return 0;
    }

    /** The JVM writes the cache after its last invocation; closing the emulator earlier would kill it. */
    private static void waitForExit(Emulator emulator) {
        long deadline = System.currentTimeMillis() + EXIT_WAIT_MILLIS;
        for (long pid : emulator.runtimePids()) {
            ProcessHandle.of(pid).ifPresent(process -> {
                // polled: onExit() would complete on the JDK's common pool (see dev.lambdabridge.childprocess.ProcessTree)
                while (process.isAlive() && System.currentTimeMillis() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
    }
}
