package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart's restore phase ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) through the emulator, lambda-bridge's
 * bootstrap and AWS's client 2.10.1 side by side: org.crac hooks before {@code restore/next} and after it, in the
 * client's order, an afterRestore failure reported to {@code restore/error}, nothing without snap-start.
 */
@Tag("slow")
class SnapStartTest {
    private static final String HANDLER = "example.conformance.CracHooks";
    private static final List<String> HOOK_ORDER = List.of(
            "beforeCheckpoint second", "beforeCheckpoint first", "afterRestore first", "afterRestore second");
    private static BothRuntimes runtimes;

    @BeforeAll
    static void start() {
        TestFunction.prepare(List.of());
        runtimes = new BothRuntimes();
    }

    @AfterAll
    static void stop() {
        runtimes.close();
    }

    private static BothRuntimes.Function function(String name, Map<String, String> env) {
        return new BothRuntimes.Function(name, Runtimes.FUNCTION, HANDLER, env, 1, Duration.ofSeconds(10));
    }

    @Test
    void hooksRunAroundTheRestoreInTheClientsOrder() {
        BothRuntimes.Pair pair = runtimes.invoke(function("crac-snap-start",
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")), InvokeRequest.of("{}"));
        String log = runtimes.logText();
        for (InvokeResult result : List.of(pair.bridge(), pair.aws())) {
            assertFalse(result.isFunctionError(), result.payloadText() + "\n" + log);
            assertEquals(json(HOOK_ORDER), result.payloadText(), log);
        }
        for (String runtime : List.of("[bridge] ", "[aws] ")) {
            int before = indexOf(log, runtime + "hook: beforeCheckpoint first");
            int restoreStart = indexOf(log, runtime + "RESTORE_START");
            int after = indexOf(log, runtime + "hook: afterRestore first");
            int report = indexOf(log, runtime + "RESTORE_REPORT Restore Duration: ");
            assertTrue(before >= 0 && restoreStart >= 0 && after >= 0 && report >= 0, log);
            // the runtime's own lines reach the log by a pipe, later than the emulator's: only the emulator's are
            // in order here; the hooks' order is the handler's answer above
            assertTrue(restoreStart < report, "RESTORE_REPORT after RESTORE_START\n" + log);
        }
        // a warm invocation: the hooks ran once
        BothRuntimes.Pair warm = runtimes.invoke(function("crac-snap-start",
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")), InvokeRequest.of("{}"));
        assertEquals(json(HOOK_ORDER), warm.bridge().payloadText());
        assertEquals(warm.aws().payloadText(), warm.bridge().payloadText());
    }

    @Test
    void withoutSnapStartTheHooksAreNotCalled() {
        BothRuntimes.Pair pair = runtimes.invoke(function("crac-on-demand", Map.of()), InvokeRequest.of("{}"));
        assertEquals("[]", pair.bridge().payloadText(), runtimes.logText());
        assertEquals("[]", pair.aws().payloadText(), runtimes.logText());
    }

    @Test
    void aFailingAfterRestoreIsARestoreErrorAndTheNextStartWorks() throws IOException {
        Path marks = Files.createTempDirectory("crac-fail-once");
        for (Runtimes runtime : Runtimes.values()) {
            Path mark = marks.resolve(runtime.name());
            BothRuntimes.Function function = function("crac-fail-once-" + runtime.name().toLowerCase(),
                    Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "CRAC_FAIL_ONCE", mark.toString()));
            InvokeResult failed = runtimes.invoke(runtime, function, InvokeRequest.of("{}"));
            String log = runtimes.logText();
            assertTrue(failed.isFunctionError(), runtime + ": " + failed.payloadText() + "\n" + log);
            assertTrue(failed.payloadText().contains("RestoreException"), runtime + ": " + failed.payloadText());
            assertTrue(log.contains("Status: error\tError Type: Runtime.AfterRestoreError"), runtime + "\n" + log);
            if (runtime == Runtimes.BRIDGE) {
                assertTrue(failed.payloadText().contains("1 afterRestore hook failed: java.lang.IllegalStateException: "
                        + "cannot reconnect to the database after the restore"), failed.payloadText());
            }
            InvokeResult next = runtimes.invoke(runtime, function, InvokeRequest.of("{}"));
            assertFalse(next.isFunctionError(), runtime + ": " + next.payloadText() + "\n" + runtimes.logText());
            assertEquals(json(HOOK_ORDER), next.payloadText(), runtime.name());
        }
    }

    @Test
    void aFailingBeforeCheckpointIsAnInitError() {
        BothRuntimes.Pair pair = runtimes.invoke(function("crac-fail-before",
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "CRAC_FAIL_BEFORE", "true")), InvokeRequest.of("{}"));
        String log = runtimes.logText();
        for (InvokeResult result : List.of(pair.bridge(), pair.aws())) {
            assertTrue(result.isFunctionError(), result.payloadText() + "\n" + log);
            assertTrue(result.payloadText().contains("CheckpointException"), result.payloadText());
        }
        assertTrue(pair.bridge().payloadText().contains("1 beforeCheckpoint hook failed: java.lang.IllegalStateException: "
                + "the connection pool cannot be closed"), pair.bridge().payloadText());
        for (String runtime : List.of("[bridge] ", "[aws] ")) {
            assertTrue(log.contains(runtime + "INIT_REPORT Init Duration: ") && log.lines().anyMatch(line ->
                    line.startsWith(runtime + "INIT_REPORT") && line.endsWith("Error Type: Runtime.BeforeCheckpointError")),
                    runtime + "\n" + log);
        }
    }

    private static int indexOf(String log, String text) {
        return log.indexOf(text);
    }

    private static String json(List<String> values) {
        return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }
}
