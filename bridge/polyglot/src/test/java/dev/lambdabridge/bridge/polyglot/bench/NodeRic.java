package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.bridge.polyglot.npm.NpmTrees;
import dev.lambdabridge.emulator.FunctionConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AWS's Node.js runtime interface client (aws-lambda-ric 4.0.2) on Node.js 22, as the managed runtime runs it: one
 * persistent process serving every invocation; its in-process figure is node-warm-calls.mjs in Node.js 22.
 */
final class NodeRic implements Competitor {
    private final BenchOptions options;
    private final Path warmCallsScript;

    NodeRic(BenchOptions options) {
        this.options = options;
        this.warmCallsScript = options.testClasses().resolve("bench/node-warm-calls.mjs");
    }

    @Override
    public String label() {
        return "Node.js 22 + aws-lambda-ric 4.0.2";
    }

    @Override
    public FunctionConfig function(String functionName, String handler, Path code, Map<String, String> env) {
        return FunctionConfig.of(functionName, handler, code).withCommand(NpmTrees.awsLambdaRic())
                .withEnv(env).withTimeout(Duration.ofSeconds(60)).withMemoryMb(options.memory());
    }

    @Override
    public double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
            throws Exception {
        return WarmCallsLine.run(new ProcessBuilder(List.of(NpmTrees.node().toString(), warmCallsScript.toString(),
                handler, code.toString(), event.toString(), String.valueOf(warmup), String.valueOf(n))), env);
    }
}
