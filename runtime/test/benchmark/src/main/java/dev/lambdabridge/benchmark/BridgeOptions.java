package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code scripts/bench-bridges} asked for.
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
 * @param outDir         where bridges-latest.md and bridges-latest.svg go
 * @param command        the command line to print (as the user typed it)
 */
record BridgeOptions(int execInvokes, int workerInvokes, int execWarmUp, int workerWarmUp, int starts,
                     int coldStarts, int rounds, boolean quick, Set<Language> languages, int memoryMb,
                     Path moduleDir, Path bootstrap, Path samples, Path outDir, String command) {

    static final String USAGE = """
            usage: scripts/bench-bridges [--quick] [--languages php,ruby,go,python,node] [--exec N] [--worker N]
                                         [--warmup N] [--starts N] [--cold N] [--rounds N] [--memory MB] [--out DIR]
              --quick         a smoke run: 30 measured invokes of each function, 10 starts, 1 cold start, 3 rounds
              --languages L   which languages (default all five)
              --exec N        measured warm invokes per exec: function (default 300; --quick: 30)
              --worker N      measured warm invokes per worker: function and of the Java baseline
                              (default 3000; --quick: 30)
              --warmup N      warm-up invokes per exec: function; the workers and the baseline get 10 times as
                              many (default 20 and 500; --quick: 3 and 200)
              --starts N      bare interpreter starts per language, and direct runs of each exec: program
                              (default 100; --quick: 10)
              --cold N        cold starts per function (default 5; --quick: 1)
              --rounds N      interleaving rounds: each measurement in N blocks, in turn (default 50; --quick: 3)
              --memory MB     the functions' memory size (default 256, as samples/scripts/functions.json)
              --out DIR       where bridges-latest.md and .svg go (default runtime/test/benchmark/results)""";

    BridgeOptions {
        languages = Set.copyOf(languages);
        if (execInvokes < 1 || workerInvokes < 1 || starts < 1 || coldStarts < 0 || rounds < 1
                || execWarmUp < 0 || workerWarmUp < 0 || languages.isEmpty()) {
            throw new IllegalArgumentException("need at least one invoke, start, round and language");
        }
    }

    static BridgeOptions parse(String... args) {
        Integer exec = null;
        Integer worker = null;
        Integer warmUp = null;
        Integer starts = null;
        Integer cold = null;
        Integer rounds = null;
        boolean quick = false;
        int memory = 256;
        Set<Language> languages = EnumSet.allOf(Language.class);
        Path module = null;
        Path bootstrap = null;
        Path samples = null;
        Path out = null;
        String command = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--quick" -> quick = true;
                case "--exec" -> exec = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--worker" -> worker = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--warmup" -> warmUp = Math.max(0, Args.number(arg, Args.value(arg, rest, USAGE)));
                case "--starts" -> starts = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--cold" -> cold = Math.max(0, Args.number(arg, Args.value(arg, rest, USAGE)));
                case "--rounds" -> rounds = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--memory" -> memory = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--languages" -> {
                    languages = EnumSet.noneOf(Language.class);
                    for (String id : Args.value(arg, rest, USAGE).split(",")) {
                        languages.add(Language.byId(id.trim()));
                    }
                }
                case "--module" -> module = Path.of(Args.value(arg, rest, USAGE));
                case "--bootstrap" -> bootstrap = Path.of(Args.value(arg, rest, USAGE));
                case "--samples" -> samples = Path.of(Args.value(arg, rest, USAGE));
                case "--out" -> out = Path.of(Args.value(arg, rest, USAGE));
                case "--command" -> command = Args.value(arg, rest, USAGE);
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        module = (module == null ? Args.moduleDir() : module).toAbsolutePath().normalize();
        Path root = module.resolve("../../..").normalize();
        bootstrap = bootstrap == null ? root.resolve("layers/dist/target/dist/bootstrap") : bootstrap;
        samples = samples == null ? root.resolve("samples/scripts") : samples;
        out = out == null ? module.resolve("results") : out;
        int execWarmUp = warmUp != null ? warmUp : quick ? 3 : 20;
        int workerWarmUp = warmUp != null ? warmUp * 10 : quick ? 200 : 500;
        return new BridgeOptions(exec != null ? exec : quick ? 30 : 300, worker != null ? worker : quick ? 30 : 3000,
                execWarmUp, workerWarmUp, starts != null ? starts : quick ? 10 : 100, cold != null ? cold : quick ? 1 : 5,
                rounds != null ? rounds : quick ? 3 : 50, quick, languages, memory, module,
                bootstrap.toAbsolutePath().normalize(), samples.toAbsolutePath().normalize(),
                out.toAbsolutePath().normalize(),
                command == null ? "BridgeBenchmark " + String.join(" ", args) : command);
    }

    /** The languages in the order of {@link Language}. */
    List<Language> languageList() {
        return EnumSet.copyOf(languages).stream().toList();
    }
}
