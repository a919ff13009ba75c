package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * lambda-bridge, started by the emulator, given each kind of bad input or fault; each gets a clear error and the
 * invocation after it succeeds.
 */
@Tag("slow")
class RecoveryTest {
    private static final String FUNCTION = "misbehaving";
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        TestFunction.prepare(List.of());
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(LOG::add));
        emulator.addFunction(FunctionConfig.of(FUNCTION, "example.conformance.Misbehaving::handle", Runtimes.FUNCTION)
                .withCommand(Runtimes.BRIDGE.command(null)).withTimeout(Duration.ofSeconds(3)));
        emulator.addFunction(FunctionConfig.of("hello", "example.conformance.Hello", Runtimes.FUNCTION)
                .withCommand(Runtimes.BRIDGE.command(null)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
        assertTrue(emulator.runtimePids().stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                "no runtime process may outlive the emulator");
    }

    private static InvokeResult invoke(String function, String event) {
        return emulator.invoke(function, InvokeRequest.of(event));
    }

    private static long assertHealthy() {
        InvokeResult ok = invoke(FUNCTION, "{}");
        assertNull(ok.functionError(), ok.payloadText());
        assertTrue(ok.payloadText().startsWith("\"ok "), ok.payloadText());
        return ok.pid();
    }

    @Test
    void nonJsonPayloadIsRefusedBeforeTheRuntimeSeesIt() {
        long pid = assertHealthy();
        InvokeApiException refused = assertThrows(InvokeApiException.class, () -> invoke(FUNCTION, "{\"unterminated\": "));
        assertEquals(400, refused.statusCode());
        assertEquals("InvalidRequestContentException", refused.errorType());
        assertTrue(refused.getMessage().contains("Could not parse request body into json"), refused.getMessage());
        assertEquals(pid, assertHealthy(), "the runtime never saw the bad payload");
    }

    @Test
    void eventThatDoesNotFitTheTypeThenSuccess() {
        InvokeResult bad = invoke("hello", "{\"times\": {\"not\": \"a number\"}}");
        assertEquals("Unhandled", bad.functionError());
        assertTrue(bad.payloadText().contains("An error occurred during JSON parsing"), bad.payloadText());
        InvokeResult good = invoke("hello", "{\"name\": \"x\"}");
        assertNull(good.functionError(), good.payloadText());
        assertEquals(bad.pid(), good.pid(), "a bad event does not cost the process");
    }

    @Test
    void handlerThrowsThenSuccessInTheSameProcess() {
        InvokeResult failed = invoke(FUNCTION, "{\"do\": \"throw\"}");
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payloadText().startsWith("{\"errorMessage\":\"asked to throw\",\"errorType\":\"java.lang.IllegalStateException\""));
        assertEquals(failed.pid(), assertHealthy());
    }

    @Test
    void systemExitIsAnExitErrorThenAFreshRuntimeSucceeds() {
        InvokeResult exited = invoke(FUNCTION, "{\"do\": \"exit\"}");
        assertEquals("Unhandled", exited.functionError());
        assertTrue(exited.payloadText().contains("\"errorType\":\"Runtime.ExitError\"")
                && exited.payloadText().contains("exit status 7"), exited.payloadText());
        assertNotEquals(exited.pid(), assertHealthy());
    }

    @Test
    void timeoutIsReportedThenAFreshRuntimeSucceeds() {
        InvokeResult timedOut = invoke(FUNCTION, "{\"do\": \"sleep\"}");
        assertTrue(timedOut.payloadText().contains("Task timed out after 3.00 seconds"), timedOut.payloadText());
        assertFalseAlive(timedOut.pid());
        assertHealthy();
    }

    @Test
    void responseOverSixMegabytesIsAnErrorThenSuccessInTheSameProcess() {
        InvokeResult tooLarge = invoke(FUNCTION, "{\"do\": \"huge\"}");
        assertEquals("Unhandled", tooLarge.functionError());
        assertTrue(tooLarge.payloadText().contains("Function.ResponseSizeTooLarge"), tooLarge.payloadText());
        assertEquals(tooLarge.pid(), assertHealthy());
        assertTrue(LOG.stream().anyMatch(line -> line.contains("over Lambda's 6 MB payload limit")), String.join("\n", LOG));
    }

    @Test
    void runtimeApi500EndsTheProcessWithAMessageThenAFreshRuntimeSucceeds() {
        long pid = assertHealthy();
        emulator.failNextRuntimeApiCallWith500(FUNCTION);
        InvokeResult afterFatal = invoke(FUNCTION, "{}");
        // the 500 hit the runtime's GET next (or its response post); either way the process must be gone and
        // the next invocation served by a new one
        assertFalseAlive(pid);
        InvokeResult next = afterFatal.functionError() == null ? afterFatal : invoke(FUNCTION, "{}");
        assertNull(next.functionError(), next.payloadText());
        assertNotEquals(pid, next.pid());
        assertTrue(LOG.stream().anyMatch(line -> line.contains("lambda-bridge: exiting:") && line.contains("HTTP 500")),
                String.join("\n", LOG));
    }

    private static void assertFalseAlive(long pid) {
        long deadline = System.currentTimeMillis() + 5000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("runtime process " + pid + " is still alive");
            }
            Thread.onSpinWait();
        }
    }
}
