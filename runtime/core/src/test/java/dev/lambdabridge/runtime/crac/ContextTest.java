package dev.lambdabridge.runtime.crac;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContextTest {
    private final List<String> calls = new ArrayList<>();

    private Resource hook(String name, Exception onRestore) {
        return new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                calls.add("before " + name);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) throws Exception {
                calls.add("after " + name);
                if (onRestore != null) {
                    throw onRestore;
                }
            }
        };
    }

    @Test
    void beforeCheckpointRunsLastRegisteredFirstAndAfterRestoreInRegistrationOrder() throws Exception {
        Context<Resource> context = new Context<>();
        Resource a = hook("a", null);
        Resource b = hook("b", null);
        Resource c = hook("c", null);
        context.register(a);
        context.register(b);
        context.register(c);
        context.runBeforeCheckpoint();
        context.runAfterRestore();
        assertEquals(List.of("before c", "before b", "before a", "after a", "after b", "after c"), calls);
    }

    @Test
    void everyHookRunsAndTheFailuresAreThrownTogether() {
        Context<Resource> context = new Context<>();
        IllegalStateException first = new IllegalStateException("no database");
        RestoreException nested = new RestoreException();
        java.io.IOException inner = new java.io.IOException("no socket");
        nested.addSuppressed(inner);
        Resource a = hook("a", first);
        Resource b = hook("b", null);
        Resource c = hook("c", nested);
        context.register(a);
        context.register(b);
        context.register(c);
        RestoreException thrown = assertThrows(RestoreException.class, context::runAfterRestore);
        assertEquals(List.of("after a", "after b", "after c"), calls);
        assertEquals(List.of(first, inner), List.of(thrown.getSuppressed()));
        assertEquals("2 afterRestore hooks failed: java.lang.IllegalStateException: no database; "
                + "java.io.IOException: no socket", thrown.getMessage());
    }

    @Test
    void theFunctionCannotAskForACheckpoint() {
        assertThrows(UnsupportedOperationException.class, Core::checkpointRestore);
    }
}
