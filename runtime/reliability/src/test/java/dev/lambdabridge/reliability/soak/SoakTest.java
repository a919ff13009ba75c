package dev.lambdabridge.reliability.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak: the same run as {@code scripts/soak}, a few thousand invocations (the warm-up round gives every
 * fault of every function at least once), under three minutes. The long run is in README.md.
 */
@Tag("slow")
class SoakTest {
    private static final long INVOCATIONS = Long.getLong("soak.invocations", 3_000);

    @Test
    void everyInvocationGetsExactlyItsOneAnswerAndNothingLeaks(@TempDir Path work) throws Exception {
        Path bootstrap = Path.of(System.getProperty("lambdabridge.bootstrap"));
        assertTrue(Files.isExecutable(bootstrap), "no runtime at " + bootstrap + ": build layers/dist first "
                + "(scripts/build)");
        SoakReport report = SoakRun.run(new SoakRun.Options(INVOCATIONS, 7, Duration.ofMinutes(3), bootstrap,
                Path.of(System.getProperty("reliability.function")),
                Path.of(System.getProperty("reliability.resources")), Path.of(System.getProperty("reliability.shims")),
                work));
        System.out.println(report.table());
        assertTrue(report.invocations() >= INVOCATIONS, report.table());
        assertEquals(java.util.List.of(), report.problems(), report.table() + "\nlog:\n" + report.logTail());
        assertEquals(0, report.lost());
        assertEquals(0, report.duplicated());
        assertEquals(0, report.leaked());
    }
}
