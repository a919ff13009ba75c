package dev.lambdabridge.benchmark;

import java.util.List;

/**
 * The runtimes the benchmark puts side by side: a program (our bootstrap, AWS's runtime interface client, the raw
 * loop), the JVM options it gets on top of the bootstrap's, and which AOT cache it starts with.
 */
enum RuntimeKind {
    /** runtime/core's bootstrap, with the AOT cache its dist ships (lib/runtime.aot). */
    LAMBDA_BRIDGE("ours", "lambda-bridge", Program.OURS, List.of(), Cache.SHIPPED),
    /**
     * Another build of our runtime, {@code --baseline-bootstrap} (e.g. main before a change, its dist with its own
     * AOT cache), alternated with {@link #LAMBDA_BRIDGE} in the same run: a before/after on one harness.
     */
    OURS_BASELINE("ours-baseline", "lambda-bridge, baseline", Program.OURS, List.of(), Cache.SHIPPED),
    /** AWS's runtime interface client, the managed Java runtime's own loop, without an AOT cache. */
    AWS_RIC("ric", "AWS RIC 2.10.1", Program.RIC, List.of(), Cache.NONE),
    /** {@link RawSocketEchoRuntime}: the lower bound. */
    RAW_SOCKET("raw", "raw socket loop", Program.RAW, List.of(), Cache.NONE),
    /**
     * AWS's client with an AOT cache of its own, as the java25 managed runtime ships one: trained by
     * {@link AotCacheTraining} on the client's own class path with the hello POJO handler, before the run.
     */
    AWS_RIC_AOT("ric-aot", "AWS RIC 2.10.1 + its AOT cache", Program.RIC, List.of(), Cache.TRAINED),
    /**
     * The raw loop with an AOT cache of its own (trained as {@link #AWS_RIC_AOT}'s is): the lower bound of a Java
     * runtime's cold start when every runtime has a cache, i.e. what no runtime's own code can go under.
     */
    RAW_SOCKET_AOT("raw-aot", "raw socket loop + its AOT cache", Program.RAW, List.of(), Cache.TRAINED),
    /**
     * Our bootstrap with an AOT cache trained on the function itself ({@code scripts/lambda-local train-function},
     * run by {@link AotCacheTraining} for each function before the run).
     */
    OURS_FUNCTION_CACHE("ours-fn", "lambda-bridge + function cache", Program.OURS, List.of(), Cache.FUNCTION),
    /** JVM settings candidate: our bootstrap and its shipped cache (trained C1-only), with C1 and C2 (tiered). */
    OURS_TIERED("ours-tiered", "lambda-bridge, tiered", Program.OURS, List.of("-XX:TieredStopAtLevel=4"),
            Cache.SHIPPED),
    /**
     * JVM settings candidate: tiered, with an AOT cache trained tiered (so that it holds method profiles, JEP 515),
     * by {@link AotCacheTraining} on the hello POJO handler as the shipped one is.
     */
    OURS_TIERED_PROFILED("ours-tiered-aot", "lambda-bridge, tiered + profiles", Program.OURS,
            List.of("-XX:TieredStopAtLevel=4"), Cache.TRAINED),
    /** JVM settings candidate: as {@link #OURS_TIERED_PROFILED} with G1 instead of Serial GC (cache trained so). */
    OURS_TIERED_PROFILED_G1("ours-tiered-aot-g1", "lambda-bridge, tiered + profiles, G1", Program.OURS,
            List.of("-XX:TieredStopAtLevel=4", "-XX:-UseSerialGC", "-XX:+UseG1GC"), Cache.TRAINED);

    /** The program a runtime runs. */
    enum Program { OURS, RIC, RAW }

    /** Which AOT cache a runtime starts with. */
    enum Cache {
        /** none */
        NONE,
        /** our dist's lib/runtime.aot, which the bootstrap adds itself */
        SHIPPED,
        /** one the harness trains before the run, for this runtime kind (one for every handler) */
        TRAINED,
        /** one trained on each function (scripts/lambda-local train-function) */
        FUNCTION
    }

    final String id;
    final String label;
    final Program program;
    /** JVM options added after the bootstrap's (for our bootstrap through LAMBDA_BRIDGE_JVM_OPTS: they win). */
    final List<String> jvmOptions;
    final Cache cache;

    RuntimeKind(String id, String label, Program program, List<String> jvmOptions, Cache cache) {
        this.id = id;
        this.label = label;
        this.program = program;
        this.jvmOptions = jvmOptions;
        this.cache = cache;
    }

    static RuntimeKind byId(String id) {
        for (RuntimeKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        StringBuilder ids = new StringBuilder();
        for (RuntimeKind kind : values()) {
            ids.append(ids.isEmpty() ? "" : ", ").append(kind.id);
        }
        throw new IllegalArgumentException("unknown runtime '" + id + "': use " + ids);
    }

    /** Whether it hosts a handler; the raw loop only echoes. */
    boolean runs(BenchHandler handler) {
        return program != Program.RAW || handler == BenchHandler.STREAM_ECHO;
    }

    boolean isOurs() {
        return program == Program.OURS;
    }
}
