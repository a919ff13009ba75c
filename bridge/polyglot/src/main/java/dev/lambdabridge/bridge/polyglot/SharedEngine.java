package dev.lambdabridge.bridge.polyglot;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.graalvm.polyglot.Engine;

/**
 * The one GraalVM {@link Engine} of the process, shared by every context (the first, and the fresh ones made after
 * a timeout), so that parsed sources and compiled code survive a context's replacement. Created on first use,
 * during init; it says in the log, once, when the optimizing runtime is missing.
 */
final class SharedEngine {
    /** Where Ruby unpacks its home (~44 MB) on first use: the only writable place in Lambda is /tmp. */
    static final String RESOURCE_CACHE_PROPERTY = "polyglot.engine.userResourceCache";
    static final String DEFAULT_RESOURCE_CACHE = "/tmp/lambda-bridge-polyglot";

    private static Engine engine;

    private SharedEngine() {
    }

    static synchronized Engine get(RuntimeLogger logger) {
        if (engine == null) {
            if (System.getProperty(RESOURCE_CACHE_PROPERTY) == null) {
                System.setProperty(RESOURCE_CACHE_PROPERTY, DEFAULT_RESOURCE_CACHE);
            }
            // Truffle's own warning is a multi-line text on stderr; ours below is one line in the function's log
            engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
            if (!isOptimizing(engine)) {
                logger.log("lambda-bridge polyglot: the optimizing Truffle runtime is not available (runtime \""
                        + engine.getImplementationName() + "\"): JavaScript and Ruby run in the interpreter only, "
                        + "several times slower; the bootstrap enables it when polyglot/compiler (the Graal "
                        + "compiler jars) is next to it", LogLevel.WARN);
            }
        }
        return engine;
    }

    /** The fallback runtime calls itself "Interpreted"; the optimizing one "GraalVM CE" or "Oracle GraalVM". */
    static boolean isOptimizing(Engine engine) {
        return !engine.getImplementationName().toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }
}
