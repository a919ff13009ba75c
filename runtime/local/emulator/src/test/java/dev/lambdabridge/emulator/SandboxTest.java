package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox's life (INIT → READY → RETIRED) and the function's set of them, with a real process. */
class SandboxTest {
    @Test
    void initReadyRetired(@TempDir Path dir) throws IOException {
        FunctionConfig config = FunctionConfig.of("f", "h", dir).withCommand(List.of("sleep", "30"));
        List<RuntimeProcess> started = new ArrayList<>();
        Sandbox sandbox = Sandbox.start(config, dir, 1, java.util.Map.of(), line -> { }, line -> { }, started::add);
        try {
            assertEquals(Sandbox.State.INIT, sandbox.state());
            assertEquals(List.of(sandbox.runtime()), started);
            Double init = sandbox.next();
            assertTrue(init != null && init >= 0, "the first GET next ends init: " + init);
            assertEquals(Sandbox.State.READY, sandbox.state());
            assertNull(sandbox.next(), "later ones do not");
            assertEquals(init, sandbox.initDurationMs());

            Sandboxes sandboxes = new Sandboxes(new Object(), line -> { });
            sandboxes.use(sandbox);
            assertThrows(IllegalStateException.class, () -> sandboxes.use(sandbox));
            assertSame(sandbox.extensions(), sandboxes.extensions());
            assertSame(sandbox, sandboxes.retireCurrent("timeout"));
            assertEquals(Sandbox.State.RETIRED, sandbox.state());
            assertFalse(sandboxes.isCurrent(sandbox));
            assertNull(sandboxes.retireCurrent("timeout"), "nothing runs any more");
            assertFalse(sandbox.retire(), "retired once");
        } finally {
            sandbox.runtime().kill();
        }
        assertFalse(sandbox.runtime().handle().isAlive());
    }

    @Test
    void aRuntimeThatCannotStartLeavesNothingRunning(@TempDir Path dir) {
        FunctionConfig config = FunctionConfig.of("f", "h", dir).withCommand(List.of(dir.resolve("missing").toString()));
        IOException e = assertThrows(IOException.class,
                () -> Sandbox.start(config, dir, 1, java.util.Map.of(), line -> { }, line -> { }, process -> { }));
        assertTrue(e.getMessage().contains("cannot start the runtime of function f"), e.getMessage());
    }
}
