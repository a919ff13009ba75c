package dev.lambdabridge.bridge.polyglot.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs a warm-calls measurement (WarmCalls, node-warm-calls.mjs) and reads its one line: {median, p99} us. */
final class WarmCallsLine {
    private WarmCallsLine() {
    }

    static double[] run(ProcessBuilder builder, Map<String, String> env) throws Exception {
        builder.environment().putAll(env);
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !out.contains("median_us=")) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + out);
        }
        return new double[] {field(out, "median_us"), field(out, "p99_us")};
    }

    private static double field(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end).trim());
    }
}
