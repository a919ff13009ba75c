package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;

/**
 * What a worker is started from, shared by the workers of one {@code worker:} handler (a new one starts from it
 * after a timeout, a crash or a protocol error).
 *
 * @param program the program of the handler string, resolved at init
 * @param lambda  the runtime's environment (the socket's TMPDIR, the function's name and version for INVOKE)
 * @param log     where its output lines and the bridge's notes about it go
 */
record WorkerSettings(Program program, RuntimeEnvironment lambda, FunctionLog log) {
    /** How messages name the worker: {@code worker "php worker.php"}. */
    String display() {
        return "worker \"" + program.command().display() + "\"";
    }
}
