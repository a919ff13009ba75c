package dev.lambdabridge.benchmark;

import dev.lambdabridge.bridge.polyglot.npm.NpmTrees;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How the polyglot suites time a guest function: a cold start and warm round trips through a fresh emulator, and
 * the in-process cost of one invocation without the Runtime API, in a process of its own (the bridge's
 * WarmCalls in a JVM with the bootstrap's flags, or a script for Node.js and CRuby) that prints
 * {@code median_us=... p99_us=...}.
 */
final class GuestCalls {
    private static final String WARM_CALLS = "dev.lambdabridge.bridge.polyglot.WarmCalls";

    private GuestCalls() {
    }

    /** Milliseconds from the invoke (which starts the runtime process) to the first response. */
    static double coldStartMs(FunctionConfig function, byte[] event, Predicate<InvokeResult> ok) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function);
            long started = System.nanoTime();
            InvokeResult result = emulator.invoke(function.name(), InvokeRequest.of(event));
            double ms = (System.nanoTime() - started) / 1e6;
            check(function, result, ok);
            return ms;
        }
    }

    /** Microseconds of each of {@code n} round trips through the emulator, after {@code warmup} invokes. */
    static double[] warmRoundTripsUs(FunctionConfig function, byte[] event, int warmup, int n,
                                     Predicate<InvokeResult> ok) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(function);
            for (int i = 0; i < warmup; i++) {
                check(function, emulator.invoke(function.name(), InvokeRequest.of(event)), ok);
            }
            double[] us = new double[n];
            for (int i = 0; i < n; i++) {
                long started = System.nanoTime();
                InvokeResult result = emulator.invoke(function.name(), InvokeRequest.of(event));
                us[i] = (System.nanoTime() - started) / 1e3;
                check(function, result, ok);
            }
            return us;
        }
    }

    private static void check(FunctionConfig function, InvokeResult result, Predicate<InvokeResult> ok) {
        if (result.isFunctionError() || !ok.test(result)) {
            throw new IllegalStateException(function.handler() + " failed: " + result.payloadText());
        }
    }

    /**
     * The bridge's in-process cost: WarmCalls in a JVM with the flags runtime/core's bootstrap gives a polyglot
     * function (kept in step with it by hand), on the jars of {@code jarDirs}, with the optimizing runtime when
     * {@code compiler} (the Graal compiler's jars) is given.
     */
    static double[] bridgeInProcessUs(String java, int memoryMb, Path compiler, List<Path> jarDirs,
                                      List<String> properties, String handler, Path code, Path event,
                                      Map<String, String> env, int warmup, int n) throws Exception {
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xss16m"));
        if (compiler != null) {
            command.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + String.join(":", jars(compiler))));
        }
        command.addAll(properties);
        List<String> classPath = new ArrayList<>();
        for (Path dir : jarDirs) {
            classPath.addAll(jars(dir));
        }
        classPath.add(warmCallsJar());
        command.addAll(List.of("-cp", String.join(":", classPath), WARM_CALLS, handler,
                code.toString(), event.toString(), String.valueOf(warmup), String.valueOf(n)));
        return medianAndP99(new ProcessBuilder(command), env);
    }

    /**
     * bridge/polyglot's test jar (or its test-classes in an IDE), which holds WarmCalls, found where NpmTrees was
     * loaded from: WarmCalls itself is not loaded here (it needs the bridge and GraalVM, which stay off the
     * harness's class path).
     */
    private static String warmCallsJar() {
        try {
            return Path.of(NpmTrees.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a measurement process and reads its one line: {median, p99} in microseconds. */
    static double[] medianAndP99(ProcessBuilder builder, Map<String, String> env) throws Exception {
        builder.environment().putAll(env);
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !out.contains("median_us=")) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + out);
        }
        return new double[] {field(out, "median_us"), field(out, "p99_us")};
    }

    private static double field(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end).trim());
    }
}
