package dev.lambdabridge.emulator.testing;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import java.util.Set;

/**
 * Tells Jazzer's network bug detector that the fuzz test's own connections to the emulator's ports on loopback are
 * expected (it reports every other one, the emulator's included). The detector exists only while Jazzer's agent is
 * installed (a fuzzing run, or {@code -Djazzer.hooks=true}); replaying the seeds runs without it, and then there
 * is nothing to tell.
 */
public final class LoopbackPermission {
    private LoopbackPermission() {
    }

    public static SilentCloseable allow(Set<Integer> ports) {
        try {
            Class.forName("com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery");
        } catch (ClassNotFoundException noAgent) {
            return () -> { };
        }
        return BugDetectors.allowNetworkConnections((host, port) -> ports.contains(port)
                && ("127.0.0.1".equals(host) || "localhost".equals(host)));
    }
}
