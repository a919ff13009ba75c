package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polyglot suite end to end with the smallest counts, on layers/dist's jars, the bridge's target/dist/polyglot,
 * node and ruby (a few minutes: GraalVM cold starts and two AOT trainings): every configuration measured, the
 * in-process bridge's warm round trip below a process per invocation's, the goals checked, the files written.
 */
@Tag("slow")
class PolyglotBenchmarkSmokeTest {

    @Test
    void smallestRunMeasuresEveryConfigurationAndWritesTheReport(@TempDir Path out) throws Exception {
        Options parsed = Options.parse("polyglot", PolyglotOptions.SPECS, "--quick", "--warmup", "5", "--warm", "10",
                "--per-call-warm", "5", "--in-process-warmup", "50", "--in-process-calls", "50",
                "--train-invocations", "5", "--out", out.toString(), "--module", Path.of("").toAbsolutePath().toString());
        PolyglotOptions options = PolyglotOptions.from(parsed);
        assumeTrue(Files.isDirectory(options.runtimeDist().resolve("lib")) && Files.isDirectory(options.polyglot()
                .resolve("lib")), "no layers/dist or bridge/polyglot/target/dist: mvn install builds them");
        assumeTrue(!Machine.run("node", "--version").isBlank() && Machine.run("ruby", "--version").startsWith("ruby"),
                "node and ruby must be on PATH");

        PolyglotBenchmark.Results results = new PolyglotBenchmark(options).run();

        GuestSamples samples = results.samples();
        assertEquals(java.util.List.of("JavaScript", "Ruby"), java.util.List.copyOf(samples.groups.keySet()));
        for (String lang : samples.groups.keySet()) {
            samples.groups.get(lang).forEach((competitor, s) -> assertNull(s.failure, lang + ", " + competitor));
            GuestSamples.Series shipped = samples.get(lang, PolyglotBenchmark.SHIPPED);
            assertNotNull(shipped.cold(), lang + ": a cold start of the shipped configuration");
            assertEquals(10, shipped.warm().n(), "--warm 10");
            assertEquals(1, shipped.inProcessUs.size(), "--quick: one in-process JVM");
            assertTrue(shipped.inProcess(0) > 0 && shipped.inProcess(0) <= shipped.inProcess(1), "median <= p99");
            assertTrue(shipped.warm().median() < samples.get(lang, PolyglotBenchmark.PER_CALL).warm().median(),
                    lang + ": in-process beats starting a process per invocation");
            assertTrue(shipped.inProcess(0) < shipped.warm().median(), "handle() alone is part of the round trip");
        }
        Report report = PolyglotReport.of(results);
        assertEquals(6, report.goals().size(), "warm, cold and cold with an empty /tmp per language");
        assertTrue(report.goals().stream().allMatch(Goal::checked), report.goals().toString());
        WrittenReport written = WrittenReport.write(out, report);
        assertTrue(written.markdown().contains("| JavaScript | " + PolyglotBenchmark.SHIPPED + " |"),
                written.markdown());
        assertTrue(written.markdown().contains("## Where Node.js or CRuby wins"), written.markdown());
        assertTrue(written.rects() > 1 + 2 * 6, "background and the bars of every configuration");
    }
}
