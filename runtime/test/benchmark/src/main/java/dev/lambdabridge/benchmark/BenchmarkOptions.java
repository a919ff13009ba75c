package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code scripts/bench} asked for.
 *
 * @param coldStarts  cold starts per runtime and handler, each a new function and process
 * @param warmInvokes measured warm invokes per runtime and handler
 * @param warmUp      unmeasured invokes before those
 * @param runtimes    the runtimes to run
 * @param handlers    the functions to run them with
 * @param memoryMb    the functions' memory size (the bootstrap sizes the heap from it)
 * @param moduleDir   runtime/test/benchmark: where target/function and target/ric-lib are
 * @param bootstrap   our bootstrap (runtime/core/target/dist/bootstrap)
 * @param jre         the Java home the RIC and the raw loop run on (and our bootstrap's JAVA_HOME): the harness's
 *                    own unless {@code --jre} names another, e.g. the java-runtime layer's jlink JRE
 * @param outDir      where latest.md and latest.svg go
 * @param profile     whether to add one class-loading-logged cold start per Java runtime and handler
 * @param command     the command line to print (as the user typed it)
 */
record BenchmarkOptions(int coldStarts, int warmInvokes, int warmUp, boolean quick, Set<RuntimeKind> runtimes,
                        Set<BenchHandler> handlers, int memoryMb, Path moduleDir, Path bootstrap, Path jre, Path outDir, boolean profile, String command) {

    static final String USAGE = """
            usage: scripts/bench [--cold N] [--warm N] [--warmup N] [--quick] [--runtimes ours,ric,raw]
                                 [--handlers stream,pojo] [--frameworks] [--memory MB] [--no-profile] [--out DIR]
                                 [--bootstrap FILE] [--jre DIR]
              --cold N      cold starts per runtime and handler (default 10; --quick: 3)
              --warm N      measured warm invokes per runtime and handler (default 5000; --quick: 300)
              --warmup N    warm-up invokes before them (default 2000; --quick: 200)
              --quick       a smoke run: the small numbers above
              --runtimes L  which runtimes (default ours,ric,raw; also ric-aot: the RIC with an AOT cache of its
                            own; ours-fn: ours with a cache trained on each function; JVM settings candidates:
                            ours-tiered, ours-tiered-aot, ours-tiered-aot-g1)
              --handlers L  which functions (default stream,pojo; samples/frameworks: scf, container, micronaut)
              --frameworks  the framework run: --handlers pojo,scf,container --runtimes ours,ric,ric-aot
                            (what --handlers and --runtimes say wins)
              --memory MB   the functions' memory size (default 512)
              --no-profile  skip the class-loading profile of one cold start per Java runtime and handler
              --out DIR     where latest.md and latest.svg go (default runtime/test/benchmark/results)
              --bootstrap F our bootstrap (default runtime/core/target/dist/bootstrap)
              --jre DIR     the Java home the RIC and the raw loop run on (default: the harness's JVM)""";

    BenchmarkOptions {
        runtimes = Set.copyOf(runtimes);
        handlers = Set.copyOf(handlers);
        if (coldStarts < 1 || warmInvokes < 1 || warmUp < 0 || runtimes.isEmpty() || handlers.isEmpty()) {
            throw new IllegalArgumentException("need at least one cold start, one warm invoke, one runtime and one "
                    + "handler");
        }
    }

    static BenchmarkOptions parse(String... args) {
        Integer cold = null;
        Integer warm = null;
        Integer warmUp = null;
        boolean quick = false;
        boolean profile = true;
        int memory = 512;
        Set<RuntimeKind> runtimes = null;
        Set<BenchHandler> handlers = null;
        boolean frameworks = false;
        Path module = null;
        Path bootstrap = null;
        Path jre = null;
        Path out = null;
        String command = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--cold" -> cold = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--warm" -> warm = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--warmup" -> warmUp = Math.max(0, Args.number(arg, Args.value(arg, rest, USAGE)));
                case "--quick" -> quick = true;
                case "--no-profile" -> profile = false;
                case "--memory" -> memory = Args.positive(arg, Args.value(arg, rest, USAGE));
                case "--runtimes" -> {
                    runtimes = EnumSet.noneOf(RuntimeKind.class);
                    for (String id : Args.value(arg, rest, USAGE).split(",")) {
                        runtimes.add(RuntimeKind.byId(id.trim()));
                    }
                }
                case "--handlers" -> {
                    handlers = EnumSet.noneOf(BenchHandler.class);
                    for (String id : Args.value(arg, rest, USAGE).split(",")) {
                        handlers.add(BenchHandler.byId(id.trim()));
                    }
                }
                case "--frameworks" -> frameworks = true;
                case "--module" -> module = Path.of(Args.value(arg, rest, USAGE));
                case "--bootstrap" -> bootstrap = Path.of(Args.value(arg, rest, USAGE));
                case "--jre" -> jre = Path.of(Args.value(arg, rest, USAGE));
                case "--out" -> out = Path.of(Args.value(arg, rest, USAGE));
                case "--command" -> command = Args.value(arg, rest, USAGE);
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        module = (module == null ? Args.moduleDir() : module).toAbsolutePath().normalize();
        bootstrap = bootstrap == null ? module.resolve("../../core/target/dist/bootstrap").normalize() : bootstrap;
        out = out == null ? module.resolve("results") : out;
        jre = jre == null ? Path.of(System.getProperty("java.home")) : jre;
        if (runtimes == null) {
            runtimes = frameworks ? EnumSet.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.AWS_RIC_AOT)
                    : EnumSet.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.RAW_SOCKET);
        }
        if (handlers == null) {
            handlers = frameworks ? EnumSet.of(BenchHandler.HELLO_POJO, BenchHandler.SPRING_CLOUD_FUNCTION,
                    BenchHandler.SPRING_CONTAINER) : EnumSet.of(BenchHandler.STREAM_ECHO, BenchHandler.HELLO_POJO);
        }
        return new BenchmarkOptions(cold != null ? cold : quick ? 3 : 10, warm != null ? warm : quick ? 300 : 5000,
                warmUp != null ? warmUp : quick ? 200 : 2000, quick, runtimes, handlers, memory, module,
                bootstrap.toAbsolutePath(), jre.toAbsolutePath().normalize(), out.toAbsolutePath(), profile,
                command == null ? "RuntimeBenchmark " + String.join(" ", args) : command);
    }

    boolean runs(RuntimeKind kind) {
        return runtimes.contains(kind);
    }

    boolean runs(BenchHandler handler) {
        return handlers.contains(handler);
    }
}
