package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the polyglot suites ({@code polyglot}, {@code npm}, {@code ruby-stdlib}; {@code scripts/bench-polyglot})
 * were asked for. The paths default to the builds of this work tree.
 *
 * @param root        the project's root (runtime/test/benchmark/../../..)
 * @param runtimeDist layers/dist/target/dist: the runtime's jars
 * @param bootstrap   runtime/core/src/main/dist/bootstrap, copied into each layout
 * @param polyglot    bridge/polyglot/target/dist/polyglot: the bridge's lib/ and compiler/
 * @param layers      layers/target/layers: the staged layers (ruby-stdlib)
 * @param rubyRic     a checkout of AWS's Ruby runtime interface client (ruby-stdlib), or null
 */
record PolyglotOptions(boolean quick, Path moduleDir, Path root, Path outDir, String command, String java,
                       Path runtimeDist, Path bootstrap, Path polyglot, Path samples, Path layers, Path rubyRic,
                       int memory, int cold, int warmup, int warm, int perCallWarm, int inProcessRounds,
                       int inProcessWarmup, int inProcessCalls, int trainInvocations) {

    /** The polyglot and npm suites' options (Options.COMMON first). */
    static final List<Options.Spec> SPECS = specs("2000", "50", "1000", "50", "5", "5000");
    /** The ruby-stdlib suite's: the same, with its own counts and the Ruby client's checkout. */
    static final List<Options.Spec> RUBY_STDLIB_SPECS = withRubyRic(specs("2000", "100", "1000", "100", "3", "3000"));

    private static List<Options.Spec> specs(String warmup, String quickWarmup, String warm, String quickWarm,
                                            String rounds, String calls) {
        return List.of(
                Options.Spec.of("cold", "N", "5", "1", "cold starts per configuration, interleaved"),
                Options.Spec.of("warmup", "N", warmup, quickWarmup, "warm-up invokes before the warm round trips"),
                Options.Spec.of("warm", "N", warm, quickWarm, "measured warm round trips through the emulator"),
                Options.Spec.of("per-call-warm", "N", "100", "10", "of those, for a process per invocation"),
                Options.Spec.of("in-process-rounds", "N", rounds, "1", "processes of the in-process measurement"),
                Options.Spec.of("in-process-warmup", "N", "5000", "500", "in-process calls before the timed ones"),
                Options.Spec.of("in-process-calls", "N", calls, "500", "timed in-process calls per process"),
                Options.Spec.of("train-invocations", "N", "200", "50", "invocations that train an AOT cache"),
                Options.Spec.of("memory", "MB", "1024", null, "the functions' memory size"),
                Options.Spec.of("java", "FILE", null, null, "the java of the in-process JVMs (default: the "
                        + "harness's)"));
    }

    private static List<Options.Spec> withRubyRic(List<Options.Spec> specs) {
        List<Options.Spec> all = new ArrayList<>(specs);
        all.add(Options.Spec.of("ruby-ric", "DIR", null, null, "a checkout of aws/aws-lambda-ruby-runtime-"
                + "interface-client (its lib/ runs on this machine's ruby; not part of this project)"));
        return List.copyOf(all);
    }

    static PolyglotOptions from(Options o) {
        Path module = o.moduleDir();
        Path root = module.resolve("../../..").normalize();
        Path rubyRic = o.has("ruby-ric") ? o.path("ruby-ric") : null;
        return new PolyglotOptions(o.quick(), module, root, o.outDir(), o.text("command"),
                o.has("java") ? o.text("java") : Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                root.resolve("layers/dist/target/dist"), root.resolve("runtime/core/src/main/dist/bootstrap"),
                root.resolve("bridge/polyglot/target/dist/polyglot"), root.resolve("samples/polyglot"),
                root.resolve("layers/target/layers"), rubyRic, o.number("memory", 128), o.number("cold", 1),
                o.number("warmup", 0), o.number("warm", 1), o.number("per-call-warm", 1),
                o.number("in-process-rounds", 1), o.number("in-process-warmup", 0), o.number("in-process-calls", 1),
                o.number("train-invocations", 1));
    }

    /** The benchmark's own guest code: src/polyglot (node-warm-calls.mjs, ruby-stdlib/). */
    Path guestCode() {
        return moduleDir.resolve("src/polyglot");
    }

    /** One line per run's counts, for the report. */
    String counts() {
        return String.format("run: %d cold starts per configuration (interleaved); %d warm round trips after %d "
                + "(a process per invocation: %d); in-process: %d processes of %d calls after %d; %d MB",
                cold, warm, warmup, Math.min(warm, perCallWarm), inProcessRounds, inProcessCalls, inProcessWarmup,
                memory);
    }
}
