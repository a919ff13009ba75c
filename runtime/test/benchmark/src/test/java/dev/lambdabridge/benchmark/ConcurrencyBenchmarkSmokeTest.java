package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency harness end to end in quick mode with levels 1 and 8, on runtime/core's bootstrap: more loops
 * give more throughput of the 10 ms handler, a streamed response's first byte comes before a buffered one's,
 * and the report and chart come out.
 */
class ConcurrencyBenchmarkSmokeTest {

    @Test
    void quickRunShowsConcurrencyAndStreamingAndWritesAReport(@TempDir Path out) throws Exception {
        ConcurrencyOptions options = ConcurrencyOptions.parse("--quick", "--levels", "1,8", "--streams", "3",
                "--out", out.toString(), "--module", Path.of("").toAbsolutePath().toString());
        assumeTrue(Files.isExecutable(options.bootstrap()), "no runtime at " + options.bootstrap()
                + ": build runtime/core first");
        ConcurrencyBenchmark.Results report = new ConcurrencyBenchmark(options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

        List<ConcurrencyBenchmark.Level> levels = report.levels();
        assertEquals(2, levels.size());
        ConcurrencyBenchmark.Level one = levels.get(0);
        ConcurrencyBenchmark.Level eight = levels.get(1);
        assertTrue(one.latencyMillis().median() >= 10, "the handler waits 10 ms: " + one.latencyMillis());
        assertTrue(one.medianThroughput() <= 100, "one loop cannot beat 100/s: " + one.medianThroughput());
        assertTrue(eight.medianThroughput() > 2 * one.medianThroughput(), "8 loops: " + eight.medianThroughput()
                + "/s, 1 loop: " + one.medianThroughput() + "/s");

        ConcurrencyBenchmark.FirstByte firstByte = report.firstByte();
        assertEquals(40 * 100 * 1024, firstByte.bytes());
        assertTrue(firstByte.streamedFirst().median() < firstByte.bufferedFirst().median() / 2,
                "streamed first byte " + firstByte.streamedFirst() + ", buffered " + firstByte.bufferedFirst());
        assertTrue(firstByte.bufferedFirst().median() >= 200, "40 pieces of 5 ms before a buffered first byte");

        WrittenReport written = WrittenReport.write(out, ConcurrencyReport.of(report));
        String markdown = written.markdown();
        assertTrue(markdown.contains("| AWS_LAMBDA_MAX_CONCURRENCY | invokes/s (median of blocks) |"), markdown);
        assertTrue(markdown.contains("| streamed (StreamingHandler, flush per piece) |"), markdown);
        assertTrue(written.rects() >= 1 + 2 * 2 + 4, "background, two bars per level, four streaming bars");
    }

    @Test
    void optionsDefaultToAFullRunAndRefuseLevelsOverLambdasLimit() {
        ConcurrencyOptions defaults = ConcurrencyOptions.parse();
        assertEquals(List.of(1, 8, 64), defaults.levels());
        assertEquals(3, defaults.rounds());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> ConcurrencyOptions.parse("--levels", "1,65"));
        assertTrue(tooMany.getMessage().contains("65"), tooMany.getMessage());
    }
}
