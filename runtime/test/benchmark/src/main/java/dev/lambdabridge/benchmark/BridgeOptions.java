package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the bridges suite ({@code Bench bridges}, {@code scripts/bench-bridges}) was asked for.
 *
 * @param execInvokes    measured warm invokes per exec: function
 * @param workerInvokes  measured warm invokes per worker: function (and of the Java baseline)
 * @param execWarmUp     unmeasured invokes of each exec: function before them
 * @param workerWarmUp   unmeasured invokes of each worker: function (and of the baseline) before them
 * @param starts         bare interpreter starts per language (and as many direct runs of each exec: program)
 * @param coldStarts     cold starts per function, each a new function and runtime process
 * @param rounds         the interleaving: every measurement is split into this many blocks, taken in turn
 * @param languages      the languages to run
 * @param memoryMb       the functions' memory size (the bootstrap sizes the JVM's heap from it)
 * @param moduleDir      runtime/test/benchmark: target/function holds the Java baseline's handler
 * @param bootstrap      the runtime with every bridge (layers/dist/target/dist/bootstrap)
 * @param samples        samples/scripts: the programs, in php/, ruby/ and go/
 * @param outDir         where the result files go
 * @param command        the command line to print (as the user typed it)
 */
record BridgeOptions(int execInvokes, int workerInvokes, int execWarmUp, int workerWarmUp, int starts,
                     int coldStarts, int rounds, boolean quick, Set<Language> languages, int memoryMb,
                     Path moduleDir, Path bootstrap, Path samples, Path outDir, String command) {

    /** The bridges suite's options (Options.COMMON first). */
    static final List<Options.Spec> SPECS = List.of(
            Options.Spec.of("languages", "L", "php,ruby,go,python,node", null, "which languages"),
            Options.Spec.of("exec", "N", "300", "30", "measured warm invokes per exec: function"),
            Options.Spec.of("worker", "N", "3000", "30", "measured warm invokes per worker: function and of the "
                    + "Java baseline"),
            Options.Spec.of("warmup", "N", null, null, "warm-up invokes per exec: function; the workers and the "
                    + "baseline get 10 times as many (default 20 and 500; --quick: 3 and 200)"),
            Options.Spec.of("starts", "N", "100", "10", "bare interpreter starts per language, and direct runs of "
                    + "each exec: program"),
            Options.Spec.of("cold", "N", "5", "1", "cold starts per function"),
            Options.Spec.of("rounds", "N", "50", "3", "interleaving rounds: each measurement in N blocks, in turn"),
            Options.Spec.of("memory", "MB", "256", null, "the functions' memory size (as samples/scripts/functions.json)"),
            Options.Spec.of("bootstrap", "FILE", null, null, "the runtime with every bridge (default "
                    + "layers/dist/target/dist/bootstrap)"),
            Options.Spec.of("samples", "DIR", null, null, "the programs (default samples/scripts)"));

    BridgeOptions {
        languages = Set.copyOf(languages);
        if (execInvokes < 1 || workerInvokes < 1 || starts < 1 || coldStarts < 0 || rounds < 1
                || execWarmUp < 0 || workerWarmUp < 0 || languages.isEmpty()) {
            throw new IllegalArgumentException("need at least one invoke, start, round and language");
        }
    }

    static BridgeOptions parse(String... args) {
        return from(Options.parse("bridges", SPECS, args));
    }

    static BridgeOptions from(Options o) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        o.list("languages").forEach(id -> languages.add(Language.byId(id)));
        Path module = o.moduleDir();
        Path root = module.resolve("../../..").normalize();
        Integer warmUp = o.has("warmup") ? o.number("warmup", 0) : null;
        int execWarmUp = warmUp != null ? warmUp : o.quick() ? 3 : 20;
        int workerWarmUp = warmUp != null ? warmUp * 10 : o.quick() ? 200 : 500;
        return new BridgeOptions(o.number("exec", 1), o.number("worker", 1), execWarmUp, workerWarmUp,
                o.number("starts", 1), o.number("cold", 0), o.number("rounds", 1), o.quick(), languages,
                o.number("memory", 1), module,
                o.has("bootstrap") ? o.path("bootstrap") : root.resolve("layers/dist/target/dist/bootstrap"),
                o.has("samples") ? o.path("samples") : root.resolve("samples/scripts"), o.outDir(), o.text("command"));
    }

    /** The languages in the order of {@link Language}. */
    List<Language> languageList() {
        return EnumSet.copyOf(languages).stream().toList();
    }
}
