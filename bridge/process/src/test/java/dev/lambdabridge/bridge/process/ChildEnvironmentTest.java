package dev.lambdabridge.bridge.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {
    @Test
    void programsGetLambdasVariablesButNotTheRuntimeApi() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001",
                "AWS_LAMBDA_FUNCTION_NAME", "f", "_HANDLER", "exec:./x", "PATH", "/usr/bin"));
        new ChildEnvironment(SearchPath.of(Path.of("/var/task"), "/usr/bin"), Map.of("EXTRA", "1")).applyTo(env);
        assertFalse(env.containsKey("AWS_LAMBDA_RUNTIME_API"), env.toString());
        assertEquals("f", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("exec:./x", env.get("_HANDLER"));
        assertEquals("1", env.get("EXTRA"));
        assertTrue(env.get("PATH").contains("/var/task"), env.get("PATH"));
    }

    @Test
    void theHintComesOnlyWhenTheProgramNamedTheRuntimeApi() {
        assertEquals("", ChildEnvironment.runtimeApiHint(List.of("php: something broke")));
        String hint = ChildEnvironment.runtimeApiHint(List.of("2026/12/03 12:00:00 expected AWS Lambda environment "
                + "variables [_LAMBDA_SERVER_PORT AWS_LAMBDA_RUNTIME_API] are not defined"));
        assertTrue(hint.contains("bootstrap") && hint.contains("lambdabridge.Start"), hint);
    }
}
