package dev.lambdabridge.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's process-level features through the emulator and the real bootstrap: concurrent invocations
 * ({@code AWS_LAMBDA_MAX_CONCURRENCY}) with per-invocation trace ids, the not-thread-safe declaration, and
 * {@code AWS_LAMBDA_EXEC_WRAPPER}. The handlers are this module's test classes ({@code target/test-classes} is
 * the task root).
 */
@Tag("slow")
class RuntimeFeaturesEndToEndTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Emulator emulator;
    private List<String> bootstrap;
    private Path taskRoot;

    @BeforeEach
    void start() throws Exception {
        Path script = Path.of(System.getProperty("lambdabridge.bootstrap"));
        assertTrue(Files.isExecutable(script), "no runtime bootstrap at " + script + ": build runtime/core first");
        bootstrap = List.of(script.toString());
        taskRoot = Path.of(TraceHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private FunctionConfig function(String name, Class<?> handler, Map<String, String> env, int maxConcurrency) {
        return new FunctionConfig(name, handler.getName(), taskRoot, Duration.ofSeconds(10), 512, env, bootstrap,
                maxConcurrency);
    }

    private List<InvokeResult> invokeAtOnce(String name, int count) {
        List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(emulator.invokeAsync(name, InvokeRequest.of("{}")));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void eightConcurrentInvocationsEachSeeTheirOwnTraceId() {
        emulator.addFunction(function("traces", TraceHandler.class, Map.of(), 8));
        assertFalse(emulator.invoke("traces", InvokeRequest.of("{}")).isFunctionError(), String.join("\n", log));
        long start = System.nanoTime();
        List<InvokeResult> results = invokeAtOnce("traces", 8);
        double wallMs = (System.nanoTime() - start) / 1e6;
        Set<String> traceIds = new HashSet<>();
        for (InvokeResult result : results) {
            assertFalse(result.isFunctionError(), result.payloadText());
            String[] seen = result.payloadText().replace("\"", "").split("\\|");
            assertEquals(result.requestId(), seen[0], "the handler's request id");
            assertTrue(seen[1].startsWith("Root=1-"), "trace id " + seen[1]);
            assertEquals(seen[1], seen[2], "TraceId.current() must be the invocation's own trace id throughout");
            assertEquals("null", seen[3], "the JVM-wide X-Ray property is not set with concurrent loops");
            traceIds.add(seen[1]);
        }
        assertEquals(8, traceIds.size(), "distinct trace ids: " + traceIds);
        // eight handlers of 500 ms each: about 0.5 s when they overlap, 4 s one after the other
        assertTrue(wallMs < 2500, "8 concurrent invocations took " + wallMs + " ms");
    }

    @Test
    void aHandlerDeclaredNotThreadSafeGetsOneLoop() {
        emulator.addFunction(function("serial", TraceHandler.class, Map.of("LAMBDA_BRIDGE_THREAD_SAFE", "false"), 8));
        InvokeResult cold = emulator.invoke("serial", InvokeRequest.of("{}"));
        String[] seen = cold.payloadText().replace("\"", "").split("\\|");
        assertEquals(seen[1], seen[3], "with one loop the X-Ray property holds the invocation's trace id");
        long start = System.nanoTime();
        invokeAtOnce("serial", 4).forEach(result -> assertFalse(result.isFunctionError(), result.payloadText()));
        double wallMs = (System.nanoTime() - start) / 1e6;
        assertTrue(wallMs >= 1900, "4 invocations of 500 ms on one loop took only " + wallMs + " ms");
    }

    @Test
    void aHandlerAnnotatedNotThreadSafeGetsOneLoop() {
        emulator.addFunction(function("annotated", SerialTraceHandler.class, Map.of(), 8));
        assertFalse(emulator.invoke("annotated", InvokeRequest.of("{}")).isFunctionError(), String.join("\n", log));
        long start = System.nanoTime();
        invokeAtOnce("annotated", 4).forEach(result -> assertFalse(result.isFunctionError(), result.payloadText()));
        double wallMs = (System.nanoTime() - start) / 1e6;
        assertTrue(wallMs >= 1900, "4 invocations of 500 ms of a @NotThreadSafe handler took only " + wallMs + " ms");
    }

    @Test
    void theExecWrapperRunsTheRuntimeAndItsEnvironmentReachesTheHandler(@TempDir Path dir) throws Exception {
        Path wrapper = dir.resolve("wrapper.sh");
        Files.writeString(wrapper, "#!/bin/sh\nexport WRAPPED_BY=\"wrapper.sh with $# arguments\"\nexec \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        emulator.addFunction(function("wrapped", EnvHandler.class,
                Map.of("AWS_LAMBDA_EXEC_WRAPPER", wrapper.toString()), 1));
        InvokeResult result = emulator.invoke("wrapped", InvokeRequest.of("{}"));
        assertFalse(result.isFunctionError(), result.payloadText() + "\n" + String.join("\n", log));
        assertTrue(result.payloadText().matches("\"wrapper.sh with \\d+ arguments\""), result.payloadText());

        emulator.addFunction(function("plain", EnvHandler.class, Map.of(), 1));
        assertEquals("null", emulator.invoke("plain", InvokeRequest.of("{}")).payloadText());
    }

    @Test
    void aMissingOrNonExecutableWrapperIsAClearError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-wrapper");
        emulator.addFunction(function("missing", EnvHandler.class,
                Map.of("AWS_LAMBDA_EXEC_WRAPPER", missing.toString()), 1));
        InvokeResult result = emulator.invoke("missing", InvokeRequest.of("{}"));
        assertTrue(result.isFunctionError());
        assertTrue(result.payloadText().contains("Runtime.ExitError"), result.payloadText());
        assertTrue(log.stream().anyMatch(line -> line.contains("AWS_LAMBDA_EXEC_WRAPPER is " + missing
                + ", which does not exist")), String.join("\n", log));

        Path notExecutable = Files.writeString(dir.resolve("wrapper.sh"), "#!/bin/sh\nexec \"$@\"\n");
        emulator.addFunction(function("notexec", EnvHandler.class,
                Map.of("AWS_LAMBDA_EXEC_WRAPPER", notExecutable.toString()), 1));
        assertTrue(emulator.invoke("notexec", InvokeRequest.of("{}")).payloadText().contains("exit status 126"));
        assertTrue(log.stream().anyMatch(line -> line.contains("which is not an executable file")),
                String.join("\n", log));
    }
}
