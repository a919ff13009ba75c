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
 * fault of every function at least once), under three minutes; and the same at {@code AWS_LAMBDA_MAX_CONCURRENCY}
 * 8 ({@code scripts/soak --concurrency 8}), 1,500 invocations. The long runs are in runtime/test/reliability/README.md.
 */
@Tag("slow")
class SoakTest {
    private static final long INVOCATIONS = Long.getLong("soak.invocations", 3_000);
    private static final long CONCURRENT_INVOCATIONS = Long.getLong("soak.concurrentInvocations", 1_500);

    @Test
    void everyInvocationGetsExactlyItsOneAnswerAndNothingLeaks(@TempDir Path work) throws Exception {
        check(run(work, INVOCATIONS, 1, Duration.ofMinutes(3)), INVOCATIONS);
    }

    /**
     * Eight invocations at once per runtime process: each gets its answer, or, when another invocation's fault
     * ended their process, Runtime.ExitError (the rule in runtime/test/reliability/README.md); none lost or doubled,
     * nothing leaked.
     */
    @Test
    void atConcurrencyEightEveryInvocationGetsItsAnswerOrItsProcessesEndAndNothingLeaks(@TempDir Path work)
            throws Exception {
        check(run(work, CONCURRENT_INVOCATIONS, 8, Duration.ofMinutes(4)), CONCURRENT_INVOCATIONS);
    }

    private static SoakReport run(Path work, long invocations, int concurrency, Duration limit) throws Exception {
        Path bootstrap = Path.of(System.getProperty("lambdabridge.bootstrap"));
        assertTrue(Files.isExecutable(bootstrap), "no runtime at " + bootstrap + ": build layers/dist first "
                + "(scripts/build)");
        return SoakRun.run(new SoakRun.Options(invocations, 7, limit, bootstrap,
                Path.of(System.getProperty("reliability.function")),
                Path.of(System.getProperty("reliability.resources")), Path.of(System.getProperty("reliability.shims")),
                work, concurrency, null, null, null, false));
    }

    private static void check(SoakReport report, long invocations) {
        System.out.println(report.table());
        assertTrue(report.invocations() >= invocations, report.table());
        assertEquals(java.util.List.of(), report.problems(), report.table() + "\nlog:\n" + report.logTail());
        assertEquals(0, report.lost());
        assertEquals(0, report.duplicated());
        assertEquals(0, report.leaked());
    }
}
