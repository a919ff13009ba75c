package dev.lambdabridge.runtime.handler;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.errors.HandlerFault;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlersTest {
    /**
     * Loading a handler sets the thread's context class loader to the function's, as the managed runtime does;
     * put surefire's back, or what later tests in this JVM load through it (Jazzer's fuzz tests) is not found.
     */
    @org.junit.jupiter.api.AfterEach
    void restoreTheContextClassLoader() {
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }


    @Test
    void schemeIsTheLowerCasePrefixBeforeASingleColon() {
        assertEquals("exec", Handlers.schemeOf("exec:php index.php"));
        assertEquals("js", Handlers.schemeOf("js:index.handler"));
        assertNull(Handlers.schemeOf("com.example.Handler::handleRequest"));
        assertNull(Handlers.schemeOf("com.example.Handler"));
        assertNull(Handlers.schemeOf(":x"));
        assertNull(Handlers.schemeOf("Exec:x"));
    }

    @Test
    void missingHandlerIsAFaultThatSaysSo() {
        RuntimeEnvironment env = RuntimeEnvironment.from(Map.of());
        HandlerFault fault = assertThrows(HandlerFault.class, () -> Handlers.load(env, null));
        assertTrue(fault.getMessage().contains("_HANDLER"), fault.getMessage());
    }

    @Test
    void unknownSchemeNamesTheScheme() {
        RuntimeEnvironment env = RuntimeEnvironment.from(Map.of("_HANDLER", "cobol:main.cbl"));
        HandlerFault fault = assertThrows(HandlerFault.class, () -> Handlers.load(env, null));
        assertTrue(fault.getMessage().contains("\"cobol:\""), fault.getMessage());
    }
}
