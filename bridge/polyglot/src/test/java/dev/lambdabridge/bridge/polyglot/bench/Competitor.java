package dev.lambdabridge.bridge.polyglot.bench;

import dev.lambdabridge.emulator.FunctionConfig;

import java.nio.file.Path;
import java.util.Map;

/** One runtime that runs the npm handlers in NpmBench: how the emulator starts it, and its in-process figure. */
interface Competitor {
    /** How the report names it. */
    String label();

    /** The function {@code NAME.handler} in {@code code} on this runtime, for the emulator. */
    FunctionConfig function(String functionName, String handler, Path code, Map<String, String> env);

    /**
     * One warm invocation's cost without the Runtime API, in a process of its own: {median, p99} in
     * microseconds over {@code n} calls after {@code warmup}.
     */
    double[] inProcess(String handler, Path code, Path event, Map<String, String> env, int warmup, int n)
            throws Exception;
}
