package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdabridge.benchmark.Language.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process-bridge harness end to end in quick mode on PHP only (php-cli is the one interpreter it needs), on
 * layers/dist's bootstrap (the pom's test dependency on dist makes the reactor build it first): sane numbers, a
 * table, goals, a valid SVG.
 */
class BridgeBenchmarkSmokeTest {

    @Test
    void quickRunOnPhpGivesSaneNumbersATableAndAParseableChart(@TempDir Path out) throws Exception {
        BridgeOptions options = BridgeOptions.parse("--quick", "--languages", "php", "--out", out.toString(),
                "--module", Path.of("").toAbsolutePath().toString());
        assumeTrue(Files.isExecutable(options.bootstrap()), "no runtime with the bridges at " + options.bootstrap()
                + " (layers/dist): mvn install builds it");
        assumeTrue(!Machine.run("php", "-v").isBlank() && Machine.run("php", "-v").startsWith("PHP"),
                "php-cli is not on PATH");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BridgeResults.Report report = new BridgeBenchmark(options, new PrintStream(progress, true,
                StandardCharsets.UTF_8)).run();

        assertEquals(2, report.rows().size(), "PHP exec: and worker:");
        BridgeResults.Row exec = report.row(Language.PHP, Mode.EXEC);
        BridgeResults.Row worker = report.row(Language.PHP, Mode.WORKER);
        assertEquals(30, exec.warm().roundTripUs().n(), "--quick: 30 measured invokes");
        assertEquals(30, worker.warm().roundTripUs().n(), "--quick: 30 measured invokes");
        Stats e = exec.warm().roundTripUs();
        Stats w = worker.warm().roundTripUs();
        assertTrue(e.min() <= e.median() && e.median() <= e.p99() && e.p99() <= e.max(), "ordered statistics: " + e);
        assertTrue(e.median() > 1_000 && e.median() < 5_000_000, "a php process per invoke takes ms: " + e);
        assertTrue(w.median() > 10 && w.median() < 1_000_000, "a loopback round trip to a worker: " + w);
        assertTrue(e.median() > w.median(), "starting php each time costs more than a warm worker: " + e + " " + w);
        assertTrue(worker.warm().durationUs().median() < w.median() * 1.5, "Duration is part of the round trip");

        BridgeResults.Starts starts = report.starts(Language.PHP);
        assertEquals(10, starts.bareMs().n(), "--quick: 10 bare starts");
        assertTrue(starts.bareMs().median() > 0.5 && starts.bareMs().median() < 5_000, "php -r '': " + starts);
        assertTrue(starts.directMs().median() > 0.5, "php HelloLambda.php: " + starts);

        assertNotNull(worker.cold(), "--quick: one cold start");
        assertEquals(1, worker.cold().totalMs().n());
        assertTrue(worker.cold().initMs().median() > 1 && worker.cold().initMs().median()
                < worker.cold().totalMs().median() + 1e-9, "init is part of the cold start: " + worker.cold());
        assertTrue(report.baseline().warm().roundTripUs().median() > 0, "the Java baseline ran");

        assertEquals(Language.values().length + 2, report.goals().size(),
                "a worker median per language (PHP, Ruby, Go, Python, Node.js), two ratios");
        List<Goal> checked = report.goals().stream().filter(Goal::checked).toList();
        assertEquals(2, checked.size(), "only PHP's goals are checked: " + report.goals());
        assertTrue(checked.stream().allMatch(g -> g.name().startsWith("PHP")), checked.toString());
        assertFalse(report.goals().stream().filter(g -> g.name().startsWith("Ruby")).anyMatch(Goal::checked));

        WrittenReport written = WrittenReport.write(out, BridgeReport.of(report));
        String markdown = written.markdown();
        assertTrue(markdown.contains("| language | mode | handler | warm median (us) | warm p99 (us) "
                + "| interpreter start (ms) |"), markdown);
        assertTrue(markdown.contains("| PHP | exec: | `exec:php HelloLambda.php` |"), markdown);
        assertTrue(markdown.contains("| PHP | worker: | `worker:php worker.php` |"), markdown);
        assertTrue(markdown.contains("| Ruby worker: warm median round trip | n/a |"), markdown);
        assertTrue(markdown.contains("--quick: a smoke run, not a measurement"), markdown);

        assertTrue(written.rects() >= 8, "background, legend and bars");
        assertTrue(written.svgText().contains("PHP"), "the groups are named");
    }

    @Test
    void optionsDefaultToAFullRunAndQuickIsSmall() {
        BridgeOptions full = BridgeOptions.parse("--module", ".");
        assertEquals(300, full.execInvokes());
        assertEquals(3000, full.workerInvokes());
        assertEquals(List.of(Language.PHP, Language.RUBY, Language.GO, Language.PYTHON, Language.NODE),
                full.languageList());
        assertTrue(full.bootstrap().endsWith("layers/dist/target/dist/bootstrap"), full.bootstrap().toString());
        BridgeOptions quick = BridgeOptions.parse("--quick", "--languages", "go,php", "--module", ".");
        assertEquals(30, quick.execInvokes());
        assertEquals(List.of(Language.PHP, Language.GO), quick.languageList());
    }

    @Test
    void blocksSplitTheSamplesWithoutGapsOrOverlap() {
        int n = 301;
        int rounds = 10;
        int covered = 0;
        for (int round = 0; round < rounds; round++) {
            int from = BridgeBenchmark.from(n, round, rounds);
            int to = BridgeBenchmark.from(n, round + 1, rounds);
            assertEquals(covered, from);
            covered = to;
        }
        assertEquals(n, covered);
    }

    @Test
    void goalsCompareInTheRightDirection() {
        assertTrue(new Goal("ratio", 12.0, "x", ">=", 10, "").met());
        assertFalse(new Goal("ratio", 9.9, "x", ">=", 10, "").met());
        assertTrue(new Goal("median", 999.0, "us", "<", 1000, "").met());
        assertFalse(new Goal("median", 1000.0, "us", "<", 1000, "").met());
        assertEquals("n/a", new Goal("median", null, "us", "<", 1000, "").verdict());
    }
}
