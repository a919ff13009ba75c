package dev.lambdabridge.bridge.process;

import java.util.Map;

/** The bridge's timing settings (Lambda's own limits: {@link dev.lambdabridge.contract.LambdaLimits}). */
final class Limits {
    /**
     * Environment variable: how long before the deadline the bridge kills a program (default 250 ms, as the
     * polyglot bridge's). 100 ms was too little on a busy 2-core machine: killing a program with its children and
     * reporting took longer, and Lambda's own timeout (Sandbox.Timedout, a restarted runtime) won the race (seen
     * in CI with a Ruby program and its child at load 5, and in the soak).
     */
    static final String MARGIN_VARIABLE = "LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS";
    static final long DEFAULT_MARGIN_MILLIS = 250;
    /** After a kill, how long to wait for the process to be gone before going on. */
    static final long KILL_WAIT_MILLIS = 2_000;

    private Limits() {
    }

    /**
     * The safety margin: a program is killed this long before Lambda's deadline, so that the runtime can still
     * report the timeout (and survive it) instead of being killed with the program.
     */
    static long marginMillis(Map<String, String> env) {
        String value = env.get(MARGIN_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_MARGIN_MILLIS;
        }
        try {
            long margin = Long.parseLong(value.trim());
            if (margin >= 0) {
                return margin;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(MARGIN_VARIABLE + " must be a number of milliseconds (0 or more), got \""
                + value + "\"");
    }
}
