package dev.lambdabridge.reliability.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.reliability.HostedRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java runtime with 64 invoke loops, 63 invocations in flight, and one that ends the process (an exit, an
 * out-of-memory): the process must end at once, each invocation it had with one error ({@code Runtime.ExitError},
 * or the {@code OutOfMemoryError} its own thread met), none left to the platform's timeout. The soak at 64 saw the
 * runtime hang until its timeout after such a fault.
 */
@Tag("slow")
class FatalFaultInFlightTest {
    private static final int LOOPS = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"exit", "oom"})
    void theProcessEndsAtOnceWithEveryInvocationItHad(String fault) throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add))) {
            emulator.addFunction(FunctionConfig.of("fatal", "soak.FaultHandler::handleRequest",
                            HostedRuntime.javaFunction())
                    .withCommand(List.of(HostedRuntime.bootstrap().toString())).withMemoryMb(256)
                    .withTimeout(TIMEOUT).withMaxConcurrency(LOOPS));
            assertEquals(200, emulator.invoke("fatal", event("warm", "ok", 0)).statusCode()); // the cold start
            for (int round = 0; round < 5; round++) {
                List<CompletableFuture<InvokeResult>> inFlight = new ArrayList<>();
                for (int i = 0; i < LOOPS - 1; i++) {
                    // each sleeps until 15 s before its deadline: 5 s, in flight when the fault comes
                    inFlight.add(emulator.invokeAsync("fatal", event("r" + round + "-" + i, "slow", 15_000)));
                }
                Thread.sleep(1_500);
                long start = System.nanoTime();
                InvokeResult fatal = emulator.invokeAsync("fatal", event("fatal-" + round, fault, 0))
                        .get(60, TimeUnit.SECONDS);
                long fatalMillis = (System.nanoTime() - start) / 1_000_000;
                Map<String, Integer> ends = new TreeMap<>();
                for (CompletableFuture<InvokeResult> future : inFlight) {
                    InvokeResult result = future.get(60, TimeUnit.SECONDS);
                    ends.merge(result.isFunctionError() ? errorType(result) : "answered", 1, Integer::sum);
                }
                long allMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.println(fault + " round " + round + ": its own " + errorType(fatal) + " after "
                        + fatalMillis + " ms, the others " + ends + " after " + allMillis + " ms");
                assertEquals(fault.equals("exit") ? "Runtime.ExitError" : "java.lang.OutOfMemoryError",
                        errorType(fatal));
                assertTrue(!ends.containsKey("Sandbox.Timedout"), fault + " round " + round + ": " + ends);
                assertTrue(allMillis < 10_000, fault + " round " + round + ": the process took " + allMillis
                        + " ms to end");
            }
        }
    }

    private static InvokeRequest event(String nonce, String fault, long lead) {
        return InvokeRequest.of(("{\"nonce\":\"" + nonce + "\",\"fault\":\"" + fault + "\",\"lead\":\"" + lead
                + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String errorType(InvokeResult result) throws java.io.IOException {
        return result.isFunctionError() ? JSON.readTree(result.payload()).path("errorType").asText() : "answered";
    }
}
