package dev.lambdabridge.runtime.api;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;

/**
 * Tells Jazzer's network bug detector that connections to the fuzzer's own peer on loopback are expected (it
 * reports every other one). The detector exists only while Jazzer's agent is installed (a fuzzing run, or
 * {@code -Djazzer.hooks=true}); replaying the seeds runs without it, and then there is nothing to tell.
 */
final class LoopbackPermission {
    private LoopbackPermission() {
    }

    static SilentCloseable allow(int port) {
        try {
            Class.forName("com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery");
        } catch (ClassNotFoundException noAgent) {
            return () -> { };
        }
        return BugDetectors.allowNetworkConnections((host, p) -> p == port
                && ("127.0.0.1".equals(host) || "localhost".equals(host)));
    }
}
