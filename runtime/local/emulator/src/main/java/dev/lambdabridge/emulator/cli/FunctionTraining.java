package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.FunctionConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train-function}: an AOT cache trained on the user's own function, written into its code directory as
 * {@code lambda-bridge.aot} with {@code lambda-bridge.aot.key}, where the bootstrap looks for them. The runtime
 * serves the function's sample events ({@code --event}, several in turn) on the emulator with
 * {@code LAMBDA_BRIDGE_AOT_TRAINING} set: the bootstrap then starts the JVM with {@code -XX:AOTCacheOutput} and
 * writes the key of its JRE and class path; the runtime exits after {@code --invocations} events and the JVM writes
 * the cache. The function's classes, loaded by the task class loader, are stored by the JVM as classes of a custom
 * loader, and taken from the cache at a later start when a class file has the same name and bytes.
 */
final class FunctionTraining {
    static final String CACHE_FILE = "lambda-bridge.aot";
    static final String KEY_FILE = CACHE_FILE + ".key";
    private static final int DEFAULT_INVOCATIONS = 100;

    private FunctionTraining() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = new ArrayList<>();
        List<Path> eventFiles = new ArrayList<>();
        int invocations = DEFAULT_INVOCATIONS;
        boolean timeoutGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if ((option.equals("--event") || option.equals("--invocations")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (option.equals("--event")) {
                    eventFiles.add(Path.of(value));
                } else {
                    invocations = AotTraining.parseCount(value);
                }
            } else {
                timeoutGiven |= option.equals("--timeout");
                rest.add(option);
            }
        }
        if (eventFiles.isEmpty()) {
            throw new UsageException("train-function needs at least one --event FILE (the function's sample events)");
        }
        CliOptions options = CliOptions.parse(rest, 0);
        FunctionConfig function = options.function();
        if (!timeoutGiven) {
            function = function.withTimeout(AotTraining.FIRST_INVOCATION_TIMEOUT);
        }
        List<byte[]> events = new ArrayList<>();
        for (Path file : eventFiles) {
            try {
                events.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UsageException("--event " + file + ": cannot read it: " + e.getMessage());
            }
        }
        Path cache = function.codeDir().toAbsolutePath().resolve(CACHE_FILE);
        Path key = cache.resolveSibling(KEY_FILE);
        try {
            Files.deleteIfExists(key);
        } catch (IOException e) {
            err.println("emulator: cannot replace " + key + ": " + e.getMessage());
            return 1;
        }
        int status = AotTraining.train("train-function", withTrainingOptions(function, cache, invocations), events,
                invocations, cache, out, err);
        if (status != 0) {
            return status;
        }
        if (!Files.isRegularFile(key)) {
            err.println("emulator: the runtime wrote " + cache + " but no " + key + ": is the runtime lambda-bridge's"
                    + " bootstrap, of a version that knows LAMBDA_BRIDGE_AOT_TRAINING?");
            return 1;
        }
        out.println("train-function: the bootstrap uses " + cache + " when the function starts with this JRE and"
                + " class path (" + key + ")");
        return 0;
    }

    private static FunctionConfig withTrainingOptions(FunctionConfig function, Path cache, int invocations) {
        Map<String, String> env = new LinkedHashMap<>(function.env());
        env.put("LAMBDA_BRIDGE_AOT_TRAINING", cache.toString());
        env.merge("LAMBDA_BRIDGE_JVM_OPTS", "-Dlambdabridge.trainingInvocations=" + invocations,
                (old, added) -> old + " " + added);
        return function.withEnv(env);
    }
}
