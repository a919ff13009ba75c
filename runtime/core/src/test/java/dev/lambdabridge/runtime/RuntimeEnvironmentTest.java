package dev.lambdabridge.runtime;

import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuntimeEnvironmentTest {

    @Test
    void theKillMarginDefaultsAndValidates() {
        assertEquals(RuntimeEnvironment.DEFAULT_KILL_MARGIN_MS, RuntimeEnvironment.from(Map.of()).killMarginMs());
        assertEquals(250, RuntimeEnvironment.DEFAULT_KILL_MARGIN_MS);
        assertEquals(1500, margin("1500"));
        assertEquals(0, margin(" 0 "));
        assertEquals(RuntimeEnvironment.DEFAULT_KILL_MARGIN_MS, margin(" "));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> margin("-1"));
        assertEquals("LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS must be a number of milliseconds (0 or more), got \"-1\"",
                negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> margin("soon"));
    }

    @Test
    void aBadKillMarginDoesNotStopTheEnvironmentFromBeingRead() {
        RuntimeEnvironment environment = RuntimeEnvironment.from(Map.of("_HANDLER", "example.Handler",
                RuntimeEnvironment.KILL_MARGIN_VARIABLE, "soon"));
        assertEquals("example.Handler", environment.handler());
    }

    @Test
    void theContextGivesTheKillAtTimeFromTheDeadlineAndTheMargin() {
        RuntimeEnvironment environment = RuntimeEnvironment.from(Map.of(RuntimeEnvironment.KILL_MARGIN_VARIABLE, "400"));
        Invocation invocation = new Invocation("id", 1_000_000, null, null, null, null, new byte[0]);
        assertEquals(999_600, new LambdaContext(invocation, environment, null).killAtMs());
    }

    @Test
    void theVariablesAreTheEnvironmentItWasReadFrom() {
        RuntimeEnvironment environment = RuntimeEnvironment.from(Map.of("PATH", "/opt/bin:/usr/bin", "X", "1"));
        assertEquals(Map.of("PATH", "/opt/bin:/usr/bin", "X", "1"), environment.variables());
        assertThrows(UnsupportedOperationException.class, () -> environment.variables().put("Y", "2"));
    }

    private static long margin(String value) {
        return RuntimeEnvironment.from(Map.of(RuntimeEnvironment.KILL_MARGIN_VARIABLE, value)).killMarginMs();
    }
}
