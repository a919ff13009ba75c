package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SnapStart's {@code restore/next} and {@code restore/error}, played by the test over a raw socket (the child
 * process only sleeps): answered after init, once; refused for an on-demand function; an error fails the cold
 * start with the runtime's body, and the next invocation gets a new runtime.
 */
class SnapStartRoutesTest {
    private static final String RUNTIME = "/2018-06-01/runtime/";
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add));
        emulator.addFunction(FunctionConfig.of("snap", "h", Path.of("target")).withCommand(List.of("sleep", "600"))
                .withEnv(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        emulator.addFunction(FunctionConfig.of("on-demand", "h", Path.of("target")).withCommand(List.of("sleep", "600")));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void restoreNextIsAnsweredOnceBeforeTheFirstEvent() throws Exception {
        try (RawHttp runtime = new RawHttp("127.0.0.1:" + emulator.runtimeApiPort("snap"))) {
            CompletableFuture<InvokeResult> result = emulator.invokeAsync("snap", InvokeRequest.of("{\"n\":1}"));
            assertEquals(200, runtime.get(RUNTIME + "restore/next").status());
            RawHttp.Reply again = runtime.get(RUNTIME + "restore/next");
            assertEquals(403, again.status());
            assertTrue(again.text().contains("InvalidStateTransition") && again.text().contains("is over"), again.text());
            RawHttp.Reply next = runtime.get(RUNTIME + "invocation/next");
            assertEquals("{\"n\":1}", next.text());
            String id = next.headers().get("lambda-runtime-aws-request-id");
            assertEquals(202, runtime.post(RUNTIME + "invocation/" + id + "/response", Map.of(),
                    "\"ok\"".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals("\"ok\"", result.get().payloadText());
            assertEquals(403, runtime.get(RUNTIME + "restore/next").status());
        }
        assertTrue(log.contains("RESTORE_START"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.matches("RESTORE_REPORT Restore Duration: [0-9]+\\.[0-9]{2} ms")),
                log.toString());
    }

    @Test
    void restoreNextIsRefusedWithoutSnapStart() throws Exception {
        try (RawHttp runtime = new RawHttp("127.0.0.1:" + emulator.runtimeApiPort("on-demand"))) {
            emulator.invokeAsync("on-demand", InvokeRequest.of("{}"));
            RawHttp.Reply refused = runtime.get(RUNTIME + "restore/next");
            assertEquals(403, refused.status());
            assertTrue(refused.text().contains("AWS_LAMBDA_INITIALIZATION_TYPE=snap-start"), refused.text());
            assertEquals(403, runtime.post(RUNTIME + "restore/error", Map.of(), new byte[0]).status());
        }
        assertFalse(log.contains("RESTORE_START"), log.toString());
    }

    @Test
    void aRestoreErrorFailsTheColdStartAndTheNextInvocationStartsAnew() throws Exception {
        String body = "{\"errorMessage\":\"1 afterRestore hook failed\",\"errorType\":\"x.RestoreException\"}";
        try (RawHttp runtime = new RawHttp("127.0.0.1:" + emulator.runtimeApiPort("snap"))) {
            CompletableFuture<InvokeResult> result = emulator.invokeAsync("snap", InvokeRequest.of("{}"));
            assertEquals(200, runtime.get(RUNTIME + "restore/next").status());
            assertEquals(202, runtime.post(RUNTIME + "restore/error",
                    Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.AfterRestoreError"),
                    body.getBytes(StandardCharsets.UTF_8)).status());
            InvokeResult failed = result.get();
            assertTrue(failed.isFunctionError());
            assertEquals(body, failed.payloadText());
        }
        assertTrue(log.stream().anyMatch(l -> l.matches("RESTORE_REPORT Restore Duration: [0-9.]+ ms\tStatus: error\t"
                + "Error Type: Runtime.AfterRestoreError")), log.toString());
        try (RawHttp fresh = new RawHttp("127.0.0.1:" + emulator.runtimeApiPort("snap"))) {
            CompletableFuture<InvokeResult> result = emulator.invokeAsync("snap", InvokeRequest.of("{\"again\":1}"));
            assertEquals(200, fresh.get(RUNTIME + "restore/next").status());
            RawHttp.Reply next = fresh.get(RUNTIME + "invocation/next");
            assertEquals("{\"again\":1}", next.text());
            String id = next.headers().get("lambda-runtime-aws-request-id");
            fresh.post(RUNTIME + "invocation/" + id + "/response", Map.of(), "1".getBytes(StandardCharsets.UTF_8));
            assertEquals("1", result.get().payloadText());
        }
    }
}
