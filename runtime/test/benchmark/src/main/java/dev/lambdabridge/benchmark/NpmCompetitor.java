package dev.lambdabridge.benchmark;

import dev.lambdabridge.bridge.polyglot.npm.NpmTrees;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A runtime that runs the npm suite's handlers: how the emulator starts it, and its in-process figure. The js:
 * bridge on this runtime's bootstrap (interpreter or optimizing), or AWS's Node.js runtime interface client
 * (aws-lambda-ric 4.0.2) on Node.js 22 as the managed runtime runs it: one persistent process serving every
 * invocation.
 */
sealed interface NpmCompetitor {
    String label();

    /** The function {@code NAME.handler} in {@code code} on this runtime, for the emulator. */
    FunctionConfig function(String name, String handler, Path code, Map<String, String> env);

    /** One warm invocation's cost without the Runtime API, in a process of its own: {median, p99} us. */
    double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
            throws Exception;

    /** The js: bridge; its in-process figure is WarmCalls in a JVM with the bootstrap's flags. */
    record Bridge(String label, PolyglotLayout layout, boolean optimizing, PolyglotOptions options)
            implements NpmCompetitor {
        @Override
        public FunctionConfig function(String name, String handler, Path code, Map<String, String> env) {
            return FunctionConfig.of(name, "js:" + handler, code).withCommand(List.of(layout.bootstrap().toString()))
                    .withEnv(env).withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
        }

        @Override
        public double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
                throws Exception {
            return GuestCalls.bridgeInProcessUs(options.java(), options.memory(),
                    optimizing ? options.polyglot().resolve("compiler") : null,
                    List.of(options.runtimeDist().resolve("lib"), options.polyglot().resolve("lib")), List.of(),
                    "js:" + handler, code, event, env, warmup, n);
        }
    }

    /** AWS's Node.js client; its in-process figure is src/polyglot/node-warm-calls.mjs in Node.js 22. */
    record NodeRic(PolyglotOptions options) implements NpmCompetitor {
        @Override
        public String label() {
            return "Node.js 22 + aws-lambda-ric 4.0.2";
        }

        @Override
        public FunctionConfig function(String name, String handler, Path code, Map<String, String> env) {
            return FunctionConfig.of(name, handler, code).withCommand(NpmTrees.awsLambdaRic())
                    .withEnv(env).withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
        }

        @Override
        public double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
                throws Exception {
            return GuestCalls.medianAndP99(new ProcessBuilder(NpmTrees.node().toString(),
                    options.guestCode().resolve("node-warm-calls.mjs").toString(), handler, code.toString(),
                    event.toString(), String.valueOf(warmup), String.valueOf(n)), env);
        }
    }
}
