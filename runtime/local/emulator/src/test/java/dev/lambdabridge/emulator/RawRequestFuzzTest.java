package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdabridge.emulator.testing.Fakes;
import com.code_intelligence.jazzer.api.SilentCloseable;
import dev.lambdabridge.emulator.testing.HostileClient;
import dev.lambdabridge.emulator.testing.LoopbackPermission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing (Jazzer) of the emulator's HTTP servers with raw bytes as a request, on a new loopback connection that
 * the client half-closes after them: within 5 s the answer is nothing (the server closed) or HTTP responses, each
 * refusal (4xx/5xx) with a JSON body that says what was wrong; then a well-formed invocation on a new connection
 * goes through. One target for the Invoke API port, one for a function's Runtime API port (which also serves the
 * Extensions and Telemetry APIs).
 *
 * <p>Every test run replays the seeds in src/test/resources/dev/lambdabridge/emulator/RawRequestFuzzTestInputs;
 * a fuzzing run is {@code JAZZER_FUZZ=1 mvn test -pl runtime/local/emulator -Dtest='RawRequestFuzzTest#METHOD'
 * -Djazzer.max_duration=2m} (runtime/test/reliability/README.md, "Fuzzing").
 */
class RawRequestFuzzTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static Emulator emulator;
    private static HostileClient invoke;
    private static HostileClient runtime;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(Fakes.function("echo", "echo").withTimeout(Duration.ofSeconds(2)));
        invoke = new HostileClient(emulator.invokePort());
        runtime = new HostileClient(emulator.runtimeApiPort("echo"));
        emulator.invoke("echo", InvokeRequest.of("{}")); // the runtime is up, extension registration closed
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "http-request.dict")
    void anyBytesOnTheInvokePortGetAnAnswerAndTheNextInvocationWorks(byte[] request) throws IOException {
        check(invoke, request);
    }

    /**
     * Skips requests that ask for the next event ({@code runtime/invocation/next}): a stranger that parks one and
     * disconnects takes the next invocation with it until that one times out (docs/bad-input.md, Known).
     */
    @FuzzTest
    @DictionaryFile(resourcePath = "http-request.dict")
    void anyBytesOnTheRuntimeApiPortGetAnAnswerAndTheNextInvocationWorks(byte[] request) throws IOException {
        if (new String(request, StandardCharsets.ISO_8859_1).contains("invocation/next")) {
            return;
        }
        check(runtime, request);
    }

    private static void check(HostileClient port, byte[] request) throws IOException {
        // here, not in @BeforeAll: Jazzer installs its agent when the first fuzz test's inputs are asked for
        try (SilentCloseable loopbackOnly = LoopbackPermission.allow(Set.of(emulator.invokePort(),
                emulator.runtimeApiPort("echo")))) {
            exchange(port, request);
        }
    }

    private static void exchange(HostileClient port, byte[] request) throws IOException {
        HostileClient.Answer answer = port.sendAndHalfClose(request, DEADLINE);
        assertFalse(answer.timedOut(), () -> "no answer within 5 s to " + printable(request) + ": " + answer);
        if (answer.raw().length > 0) {
            int status = answer.status();
            assertTrue(status >= 100 && status <= 599, () -> "not an HTTP response to " + printable(request) + ": "
                    + answer);
            if (status >= 400) {
                String body = answer.body();
                assertTrue(answer.header("Content-Type") != null
                        && answer.header("Content-Type").startsWith("application/json")
                        && (body.contains("\"message\":\"") || body.contains("\"errorMessage\":\"")),
                        () -> "a refusal without a JSON reason to " + printable(request) + ": " + answer);
            }
        }
        String nonce = "{\"n\":" + System.nanoTime() + "}";
        HostileClient.Answer real = invoke.send("POST /2015-03-31/functions/echo/invocations HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: " + nonce.length() + "\r\n\r\n" + nonce, DEADLINE);
        assertEquals(200, real.status(), () -> "after " + printable(request) + ": " + real);
        assertEquals(nonce, real.body(), () -> "after " + printable(request) + ": " + real);
    }

    private static String printable(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'" + (request.length > 300 ? "..." : "");
    }
}
