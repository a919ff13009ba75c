package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.Fakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The runtime process lifecycle, against the fake runtime: warm reuse, timeouts, crashes, init errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger floodLines = new AtomicInteger();
    private Emulator emulator;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> {
            if (line.startsWith("xxxx")) {
                floodLines.incrementAndGet();
            } else {
                lines.add(line);
            }
        }));
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void warmInvokeReusesTheProcess() {
        emulator.addFunction(Fakes.function("warm", "echo"));
        InvokeResult cold = emulator.invoke("warm", InvokeRequest.of("{\"n\":1}"));
        InvokeResult warm = emulator.invoke("warm", InvokeRequest.of("{\"n\":2}"));
        assertEquals("{\"n\":1}", cold.payloadText());
        assertEquals("{\"n\":2}", warm.payloadText());
        assertNotNull(cold.initDurationMs());
        assertNull(warm.initDurationMs());
        assertEquals(cold.pid(), warm.pid());
        assertTrue(warm.maxMemoryUsedMb() > 0, "memory " + warm.maxMemoryUsedMb());
        assertTrue(lines.stream().anyMatch(l -> l.equals("START RequestId: " + warm.requestId() + " Version: $LATEST")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("REPORT RequestId: " + cold.requestId())
                && l.contains("\tInit Duration: ") && l.contains("\tMemory Size: 512 MB")), String.join("\n", lines));
    }

    @Test
    void emptyPayloadIsDeliveredAsEmptyObject() {
        emulator.addFunction(Fakes.function("empty", "echo"));
        assertEquals("{}", emulator.invoke("empty", InvokeRequest.of(new byte[0])).payloadText());
    }

    @Test
    void timeoutKillsTheRuntimeAndTheNextInvokeStartsFresh() {
        emulator.addFunction(Fakes.function("slow", "echo").withTimeout(Duration.ofMillis(1500)));
        InvokeResult timedOut = emulator.invoke("slow", InvokeRequest.of("{\"mode\":\"sleep\"}")
                .withLogType(LogType.TAIL));
        assertEquals("Unhandled", timedOut.functionError());
        assertEquals("{\"errorMessage\":\"RequestId: " + timedOut.requestId()
                + " Error: Task timed out after 1.50 seconds\",\"errorType\":\"Sandbox.Timedout\"}", timedOut.payloadText());
        assertTrue(timedOut.logTail().contains(timedOut.requestId() + " Task timed out after 1.50 seconds\nEND RequestId"),
                timedOut.logTail());
        assertTrue(timedOut.logTail().contains("\tStatus: timeout"), timedOut.logTail());
        assertFalse(ProcessHandle.of(timedOut.pid()).map(ProcessHandle::isAlive).orElse(false));

        InvokeResult next = emulator.invoke("slow", InvokeRequest.of("{\"ok\":true}"));
        assertNull(next.functionError());
        assertNotEquals(timedOut.pid(), next.pid());
        assertNotNull(next.initDurationMs());
    }

    @Test
    void exitDuringInvokeIsRuntimeExitError() {
        emulator.addFunction(Fakes.function("crash", "echo"));
        InvokeResult crashed = emulator.invoke("crash", InvokeRequest.of("{\"mode\":\"exit\"}")
                .withLogType(LogType.TAIL));
        String message = "RequestId: " + crashed.requestId() + " Error: Runtime exited with error: exit status 3";
        assertEquals("{\"errorMessage\":\"" + message + "\",\"errorType\":\"Runtime.ExitError\"}", crashed.payloadText());
        assertTrue(crashed.logTail().contains(message + "\nRuntime.ExitError\nEND"), crashed.logTail());
        assertTrue(crashed.logTail().contains("\tStatus: error\tError Type: Runtime.ExitError"), crashed.logTail());
        InvokeResult next = emulator.invoke("crash", InvokeRequest.of("{}"));
        assertNull(next.functionError());
        assertNotEquals(crashed.pid(), next.pid());
    }

    @Test
    void anInvocationQueuedWhileTheRuntimeExitsAfterAnsweringGetsAFreshRuntime() throws Exception {
        emulator.addFunction(Fakes.function("error-exit", "echo"));
        InvokeResult failed = emulator.invoke("error-exit", InvokeRequest.of("{\"mode\":\"error-then-exit\"}"));
        assertEquals("Unhandled", failed.functionError());
        // queued while the runtime that answered is still exiting: never delivered to it, so not its exit error
        InvokeResult next = emulator.invoke("error-exit", InvokeRequest.of("{\"after\":1}"));
        assertNull(next.functionError(), next.payloadText());
        assertEquals("{\"after\":1}", next.payloadText());
        assertNotEquals(failed.pid(), next.pid());
        assertNotNull(next.initDurationMs());
    }

    @Test
    void functionErrorCarriesTheRuntimeBody() {
        emulator.addFunction(Fakes.function("fails", "error"));
        InvokeResult failed = emulator.invoke("fails", InvokeRequest.of("{}"));
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payloadText().contains("\"errorType\":\"FakeError\""), failed.payloadText());
    }

    @Test
    void initErrorThenSuccessOnceTheFaultIsGone(@TempDir Path dir) throws Exception {
        Path flag = Files.writeString(dir.resolve("fail-init"), "yes");
        emulator.addFunction(Fakes.function("initfail", "echo")
                .withEnv(Map.of("FAKE_MODE", "echo", "FAKE_INIT_FAIL_FILE", flag.toString())));
        InvokeResult failed = emulator.invoke("initfail", InvokeRequest.of("{}"));
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payloadText().contains("init failed on purpose"), failed.payloadText());
        Files.delete(flag);
        InvokeResult ok = emulator.invoke("initfail", InvokeRequest.of("{\"after\":1}"));
        assertEquals("{\"after\":1}", ok.payloadText());
        assertNotEquals(failed.pid(), ok.pid());
    }

    @Test
    void oversizedResponseIs413ThenTheNextInvokeSucceeds() {
        emulator.addFunction(Fakes.function("big", "echo"));
        InvokeResult tooBig = emulator.invoke("big", InvokeRequest.of("{\"mode\":\"big\"}"));
        assertEquals("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\","
                + "\"errorType\":\"Function.ResponseSizeTooLarge\"}", tooBig.payloadText());
        assertEquals("Unhandled", tooBig.functionError());
        InvokeResult ok = emulator.invoke("big", InvokeRequest.of("{\"small\":1}"));
        assertEquals("{\"small\":1}", ok.payloadText());
        assertEquals(tooBig.pid(), ok.pid(), "the runtime survives a 413");
        assertTrue(lines.contains("fake runtime: big response answered 413"), String.join("\n", lines));
        assertTrue(lines.contains("fake runtime: error after big answered 403"), String.join("\n", lines));
    }

    @Test
    void printedLinesLandInTheTail() {
        emulator.addFunction(Fakes.function("printer", "print"));
        // 200 rounds: a pump left unscheduled right after its read once dropped a line in a few runs of 25
        for (int i = 0; i < 200; i++) {
            InvokeResult result = emulator.invoke("printer", InvokeRequest.of("{}").withLogType(LogType.TAIL));
            String tail = result.logTail();
            assertTrue(tail.contains("stdout line for " + result.requestId()), tail);
            assertTrue(tail.contains("stderr line for " + result.requestId()), tail);
            assertTrue(tail.contains("START RequestId: " + result.requestId()), tail);
            assertTrue(tail.contains("END RequestId: " + result.requestId()), tail);
            assertTrue(tail.contains("REPORT RequestId: " + result.requestId()), tail);
        }
    }

    @Test
    void aFloodOfStderrDoesNotBlock() {
        emulator.addFunction(Fakes.function("flood", "flood-stderr"));
        InvokeResult result = emulator.invoke("flood", InvokeRequest.of("{\"x\":1}").withLogType(LogType.TAIL));
        assertEquals("{\"x\":1}", result.payloadText());
        assertEquals(20_000, floodLines.get());
        assertTrue(result.logTail().length() <= 4096, "tail length " + result.logTail().length());
    }

    @Test
    void runtimeApi500MakesTheRuntimeExit() {
        // a timeout well past the fake runtime's exit after the 500 (3 s was not, at load 13-17): the check is that
        // the invocation ends with the exit, not how fast
        emulator.addFunction(Fakes.function("fault", "echo").withTimeout(java.time.Duration.ofSeconds(20)));
        emulator.invoke("fault", InvokeRequest.of("{}"));
        // the 500 answers the warm runtime's next call (its GET next, or its response if next was already
        // parked), and the runtime exits (status 5) with the invocation in flight
        emulator.failNextRuntimeApiCallWith500("fault");
        InvokeResult failed = emulator.invoke("fault", InvokeRequest.of("{\"a\":1}"));
        assertTrue(failed.payloadText().contains("Runtime exited with error: exit status 5"), failed.payloadText());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fake runtime: response answered 500")
                || l.startsWith("fake runtime: next answered 500")),
                String.join("\n", lines));
        InvokeResult fresh = emulator.invoke("fault", InvokeRequest.of("{\"b\":2}"));
        assertEquals("{\"b\":2}", fresh.payloadText());
        assertNotEquals(failed.pid(), fresh.pid());
    }

    @Test
    void queuedInvocationsAreServedOneAtATime() {
        emulator.addFunction(Fakes.function("queue", "echo"));
        var futures = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> emulator.invokeAsync("queue", InvokeRequest.of("{\"i\":" + i + "}"))).toList();
        for (int i = 0; i < 20; i++) {
            assertEquals("{\"i\":" + i + "}", futures.get(i).join().payloadText());
        }
    }

    @Test
    void missingBootstrapNamesTheProperty(@TempDir Path dir) {
        emulator.addFunction(FunctionConfig.of("nobootstrap", "x", dir));
        String before = System.getProperty(FunctionConfig.BOOTSTRAP_PROPERTY);
        System.setProperty(FunctionConfig.BOOTSTRAP_PROPERTY, dir.resolve("missing-bootstrap").toString());
        try {
            InvokeResult result = emulator.invoke("nobootstrap", InvokeRequest.of("{}"));
            assertEquals("Unhandled", result.functionError());
            assertTrue(result.payloadText().contains("Runtime.InvalidEntrypoint"), result.payloadText());
            assertTrue(result.payloadText().contains("lambdabridge.bootstrap"), result.payloadText());
            assertTrue(result.payloadText().contains("LAMBDA_BRIDGE_BOOTSTRAP"), result.payloadText());
        } finally {
            if (before == null) {
                System.clearProperty(FunctionConfig.BOOTSTRAP_PROPERTY);
            } else {
                System.setProperty(FunctionConfig.BOOTSTRAP_PROPERTY, before);
            }
        }
    }
}
