package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the runtime suite ({@code Bench runtime}, {@code scripts/bench}) was asked for.
 *
 * @param coldStarts  cold starts per runtime and handler, each a new function and process
 * @param warmInvokes measured warm invokes per runtime and handler
 * @param warmUp      unmeasured invokes before those
 * @param runtimes    the runtimes to run
 * @param handlers    the functions to run them with
 * @param memoryMb    the functions' memory size (the bootstrap sizes the heap from it)
 * @param moduleDir   runtime/test/benchmark: where target/function and target/ric-lib are
 * @param bootstrap   our bootstrap (runtime/core/target/dist/bootstrap)
 * @param baselineBootstrap another build's bootstrap, for the {@code ours-baseline} runtime; null without one
 * @param jre         the Java home the RIC and the raw loop run on (and our bootstrap's JAVA_HOME): the harness's
 *                    own unless {@code --jre} names another, e.g. the java-runtime layer's jlink JRE
 * @param outDir      where the result files go
 * @param profile     whether to add one class-loading-logged cold start per Java runtime and handler
 * @param command     the command line to print (as the user typed it)
 */
record BenchmarkOptions(int coldStarts, int warmInvokes, int warmUp, boolean quick, Set<RuntimeKind> runtimes,
                        Set<BenchHandler> handlers, int memoryMb, Path moduleDir, Path bootstrap, Path baselineBootstrap, Path jre, Path outDir, boolean profile,
                        String command) {

    /** The runtime suite's options (Options.COMMON first). */
    static final List<Options.Spec> SPECS = List.of(
            Options.Spec.of("cold", "N", "10", "3", "cold starts per runtime and handler"),
            Options.Spec.of("warm", "N", "5000", "300", "measured warm invokes per runtime and handler"),
            Options.Spec.of("warmup", "N", "2000", "200", "warm-up invokes before them"),
            Options.Spec.of("runtimes", "L", null, null, "which runtimes (default ours,ric,raw; --frameworks: "
                    + "ours,ric,ric-aot; also ours-fn: ours with a cache trained on each function; JVM settings "
                    + "candidates ours-tiered, ours-tiered-aot, ours-tiered-aot-g1; ours-baseline: "
                    + "--baseline-bootstrap)"),
            Options.Spec.of("handlers", "L", null, null, "which functions (default stream,pojo; --frameworks: "
                    + "pojo,scf,container; samples/frameworks: scf, container, micronaut)"),
            Options.Spec.flag("frameworks", "the framework run's runtimes and handlers (what --runtimes and "
                    + "--handlers say wins)"),
            Options.Spec.of("memory", "MB", "512", null, "the functions' memory size"),
            Options.Spec.flag("no-profile", "skip the class-loading profile of one cold start per runtime and handler"),
            Options.Spec.of("bootstrap", "FILE", null, null, "our bootstrap (default runtime/core/target/dist/bootstrap)"),
            Options.Spec.of("baseline-bootstrap", "FILE", null, null, "another build's bootstrap, run as the "
                    + "ours-baseline runtime (a before/after in one run)"),
            Options.Spec.of("jre", "DIR", null, null, "the Java home the RIC and the raw loop run on (default: the "
                    + "harness's JVM)"));

    BenchmarkOptions {
        runtimes = Set.copyOf(runtimes);
        handlers = Set.copyOf(handlers);
        if (coldStarts < 1 || warmInvokes < 1 || warmUp < 0 || runtimes.isEmpty() || handlers.isEmpty()) {
            throw new IllegalArgumentException("need at least one cold start, one warm invoke, one runtime and one "
                    + "handler");
        }
    }

    static BenchmarkOptions parse(String... args) {
        return from(Options.parse("runtime", SPECS, args), Bench.Suite.RUNTIME);
    }

    /** The options of the runtime suite, or of the frameworks or function-cache suite (other defaults). */
    static BenchmarkOptions from(Options o, Bench.Suite suite) {
        boolean frameworks = suite == Bench.Suite.FRAMEWORKS || o.flag("frameworks");
        Set<RuntimeKind> runtimes = EnumSet.noneOf(RuntimeKind.class);
        if (o.has("runtimes")) {
            o.list("runtimes").forEach(id -> runtimes.add(RuntimeKind.byId(id)));
        } else {
            runtimes.addAll(suite == Bench.Suite.FUNCTION_CACHE
                    ? List.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.OURS_FUNCTION_CACHE)
                    : frameworks ? List.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.AWS_RIC_AOT)
                    : List.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.RAW_SOCKET));
        }
        Set<BenchHandler> handlers = EnumSet.noneOf(BenchHandler.class);
        if (o.has("handlers")) {
            o.list("handlers").forEach(id -> handlers.add(BenchHandler.byId(id)));
        } else {
            handlers.addAll(frameworks || suite == Bench.Suite.FUNCTION_CACHE ? List.of(BenchHandler.HELLO_POJO,
                    BenchHandler.SPRING_CLOUD_FUNCTION, BenchHandler.SPRING_CONTAINER)
                    : List.of(BenchHandler.STREAM_ECHO, BenchHandler.HELLO_POJO));
        }
        Path module = o.moduleDir();
        Path bootstrap = o.has("bootstrap") ? o.path("bootstrap")
                : module.resolve("../../core/target/dist/bootstrap").normalize();
        Path baseline = o.has("baseline-bootstrap") ? o.path("baseline-bootstrap") : null;
        if (runtimes.contains(RuntimeKind.OURS_BASELINE) && baseline == null) {
            throw new IllegalArgumentException("the ours-baseline runtime needs --baseline-bootstrap FILE");
        }
        Path jre = o.has("jre") ? o.path("jre") : Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        return new BenchmarkOptions(o.number("cold", 1), o.number("warm", 1), o.number("warmup", 0), o.quick(),
                runtimes, handlers, o.number("memory", 1), module, bootstrap, baseline, jre, o.outDir(), !o.flag("no-profile"),
                o.text("command"));
    }

    boolean runs(RuntimeKind kind) {
        return runtimes.contains(kind);
    }

    boolean runs(BenchHandler handler) {
        return handlers.contains(handler);
    }
}
