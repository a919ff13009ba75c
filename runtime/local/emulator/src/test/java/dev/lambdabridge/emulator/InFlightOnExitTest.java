package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.Fakes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several invocations in flight in one runtime process (maxConcurrency above 1) when the process ends: each one the
 * runtime had (delivered) ends with {@code Runtime.ExitError}, once, as on Lambda; one it had not asked for yet is
 * served by a fresh runtime; every one has exactly one REPORT line. One that waits for a busy runtime with fewer
 * loops than the concurrency is not taken for a hang.
 */
class InFlightOnExitTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(lines::add));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void anExitEndsEveryInvocationTheRuntimeHadWithOneExitError() throws Exception {
        emulator.addFunction(Fakes.function("loops", "echo").withMaxConcurrency(3)
                .withEnv(Map.of("FAKE_MODE", "echo", "FAKE_LOOPS", "3")));
        long warm = emulator.invoke("loops", InvokeRequest.of("{}")).pid();
        CompletableFuture<InvokeResult> first = emulator.invokeAsync("loops", InvokeRequest.of("{\"mode\":\"sleep\"}"));
        CompletableFuture<InvokeResult> second = emulator.invokeAsync("loops",
                InvokeRequest.of("{\"mode\":\"sleep\"}"));
        awaitStarts(3); // the warm one and both sleepers: the runtime has them
        InvokeResult exit = emulator.invoke("loops", InvokeRequest.of("{\"mode\":\"exit\"}"));
        for (InvokeResult result : List.of(exit, first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS))) {
            assertEquals("Unhandled", result.functionError(), result.payloadText());
            assertTrue(result.payloadText().contains("\"errorType\":\"Runtime.ExitError\""), result.payloadText());
            assertTrue(result.payloadText().contains("RequestId: " + result.requestId() + " Error: Runtime exited"),
                    result.payloadText());
            assertEquals(warm, result.pid());
            assertEquals(1, reports(result.requestId()), String.join("\n", lines));
        }
        InvokeResult next = emulator.invoke("loops", InvokeRequest.of("{\"n\":1}"));
        assertEquals("{\"n\":1}", next.payloadText());
        assertNotEquals(warm, next.pid());
    }

    @Test
    void aTimeoutKillsTheRuntimeAndWhatItHadNotAskedForIsServedByTheNext() throws Exception {
        emulator.addFunction(Fakes.function("one-loop", "echo").withMaxConcurrency(3)
                .withTimeout(Duration.ofMillis(1500)));
        long warm = emulator.invoke("one-loop", InvokeRequest.of("{}")).pid();
        CompletableFuture<InvokeResult> sleeper = emulator.invokeAsync("one-loop",
                InvokeRequest.of("{\"mode\":\"sleep\"}"));
        awaitStarts(2);
        // the runtime has one loop, busy with the sleeper: these two wait for it to ask
        CompletableFuture<InvokeResult> a = emulator.invokeAsync("one-loop", InvokeRequest.of("{\"n\":\"a\"}"));
        CompletableFuture<InvokeResult> b = emulator.invokeAsync("one-loop", InvokeRequest.of("{\"n\":\"b\"}"));
        InvokeResult timedOut = sleeper.get(20, TimeUnit.SECONDS);
        assertTrue(timedOut.payloadText().contains("\"errorType\":\"Sandbox.Timedout\""), timedOut.payloadText());
        assertEquals(warm, timedOut.pid());
        InvokeResult resultA = a.get(20, TimeUnit.SECONDS);
        InvokeResult resultB = b.get(20, TimeUnit.SECONDS);
        assertEquals("{\"n\":\"a\"}", resultA.payloadText());
        assertEquals("{\"n\":\"b\"}", resultB.payloadText());
        assertNotEquals(warm, resultA.pid());
        for (InvokeResult result : List.of(timedOut, resultA, resultB)) {
            assertEquals(1, reports(result.requestId()), String.join("\n", lines));
        }
    }

    /**
     * Twenty invocations of 700 ms for one loop at maxConcurrency 20 and a 1 s timeout: the last ones wait over
     * the timeout plus the 10 s init limit for the runtime to ask, which once timed them out and killed the busy
     * runtime (the one it was serving ended with Runtime.ExitError).
     */
    @Test
    @Tag("slow")
    void invocationsQueuedBehindABusyOneLoopRuntimeDoNotTimeOutWhileTheyWait() throws Exception {
        emulator.addFunction(Fakes.function("queue", "echo").withMaxConcurrency(20)
                .withTimeout(Duration.ofSeconds(1)));
        long warm = emulator.invoke("queue", InvokeRequest.of("{}")).pid();
        List<CompletableFuture<InvokeResult>> naps = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            naps.add(emulator.invokeAsync("queue", InvokeRequest.of("{\"mode\":\"nap\",\"n\":" + i + "}")));
        }
        for (int i = 0; i < 20; i++) {
            InvokeResult result = naps.get(i).get(60, TimeUnit.SECONDS);
            assertEquals("{\"mode\":\"nap\",\"n\":" + i + "}", result.payloadText());
            assertEquals(warm, result.pid());
        }
    }

    private void awaitStarts(int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (lines.stream().filter(line -> line.startsWith("START RequestId: ")).count() < count) {
            assertTrue(System.currentTimeMillis() < until, "fewer than " + count + " START lines: " + lines);
            Thread.sleep(20);
        }
    }

    private long reports(String requestId) {
        return lines.stream().filter(line -> line.startsWith("REPORT RequestId: " + requestId + "\t")).count();
    }
}
