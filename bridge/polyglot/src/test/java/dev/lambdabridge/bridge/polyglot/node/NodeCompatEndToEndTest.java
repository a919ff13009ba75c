package dev.lambdabridge.bridge.polyglot.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.bridge.polyglot.RuntimeDist;
import dev.lambdabridge.bridge.polyglot.npm.SideBySide;
import dev.lambdabridge.bridge.polyglot.npm.SideBySide.Outcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Node built-in and global, side by side: the scripts of src/test/resources/functions/node-compat run through
 * the emulator on the js: bridge and on AWS's Node.js runtime (aws-lambda-ric 4.0.2 on Node.js 22), and must answer
 * the same. What differs on purpose (timings, random values) the scripts reduce to booleans and types. Callback
 * handlers are not compared here: aws-lambda-ric 4.0.2 refuses them (Runtime.CallbackHandlerDeprecated, as on
 * Node.js 24); EventLoopTest covers callbackWaitsForEmptyEventLoop.
 */
@Tag("slow")
class NodeCompatEndToEndTest {
    private static SideBySide runtimes;
    private static LocalHttpServer server;

    @TempDir
    static Path runtime;

    @BeforeAll
    static void start() throws Exception {
        Path code = Path.of(System.getProperty("lambdabridge.polyglot.testFunctions")).resolve("node-compat");
        server = new LocalHttpServer();
        runtimes = new SideBySide(RuntimeDist.assemble(runtime));
        Map<String, String> env = Map.of("SERVER_URL", server.url(), "CLOSED_URL", LocalHttpServer.closedUrl());
        for (String name : new String[] {"globals", "crypto", "util", "modules", "buffer", "streams", "fs", "event-loop",
                "rejects-after-timer", "assert", "async-context", "http"}) {
            runtimes.add(name, name + ".handler", code, env);
        }
    }

    @AfterAll
    static void stop() {
        if (runtimes != null) {
            runtimes.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Outcome same(String name, String event) {
        Outcome outcome = runtimes.invoke(name, event);
        assertFalse(outcome.nodeResult().isFunctionError(), outcome.describe());
        assertEquals(outcome.node(), outcome.ours(), outcome.describe() + "\nlog:\n" + runtimes.log());
        return outcome;
    }

    @Test
    void globals() {
        same("globals", "{}");
    }

    @Test
    void crypto() {
        same("crypto", "{}");
    }

    @Test
    void util() {
        same("util", "{}");
    }

    @Test
    void pathUrlQuerystringStringDecoderOsEventsAndModuleNames() {
        same("modules", "{}");
    }

    @Test
    void buffer() {
        same("buffer", "{}");
    }

    @Test
    void streamsAndZlib() {
        same("streams", "{}");
    }

    @Test
    void fs() {
        same("fs", "{}");
    }

    @Test
    void eventLoopOrderAndTimers() {
        same("event-loop", "{}");
        same("event-loop", "{}");
    }

    @Test
    void aPromiseRejectedAfterATimer() {
        Outcome outcome = runtimes.invoke("rejects-after-timer", "{}");
        assertTrue(outcome.oursResult().isFunctionError() && outcome.nodeResult().isFunctionError(), outcome.describe());
        assertEquals(outcome.node().path("errorType"), outcome.ours().path("errorType"), outcome.describe());
        assertEquals(outcome.node().path("errorMessage"), outcome.ours().path("errorMessage"), outcome.describe());
    }

    @Test
    void assertions() {
        same("assert", "{}");
    }

    @Test
    void asyncLocalStorage() {
        same("async-context", "{}");
    }

    @Test
    void httpHttpsAndFetchAgainstALocalServer() {
        same("http", "{}");
    }
}
