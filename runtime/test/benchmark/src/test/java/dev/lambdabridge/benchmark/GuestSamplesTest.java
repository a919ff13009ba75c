package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The polyglot suites' samples: a failing competitor is reported with its error, and not measured again. */
class GuestSamplesTest {

    @Test
    void aFailureIsKeptAndTheOthersStillCompare() {
        GuestSamples samples = new GuestSamples();
        AtomicInteger attempts = new AtomicInteger();
        double[] bridge = {110, 90, 100};
        for (int round = 0; round < 3; round++) {
            double ms = bridge[round];
            samples.measure("lodash", "bridge", s -> s.coldMs.add(ms));
            samples.measure("lodash", "node", s -> s.coldMs.add(50.0));
            samples.measure("lodash", "broken", s -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("lodash.handler failed on broken: Cannot find module 'lodash'\nstack");
            });
        }
        assertEquals(1, attempts.get(), "a failed competitor is not measured again");
        assertEquals(100.0, samples.get("lodash", "bridge").cold(), "the median of the rounds");
        assertNull(samples.get("lodash", "broken").cold(), "no figure from a failed competitor");

        Table table = samples.table("Results", "node", "");
        assertEquals(List.of("lodash", "bridge", "100", "", "", "2.00x", ""), table.rows().get(0));
        assertEquals("failed: lodash.handler failed on broken: Cannot find module 'lodash'", table.rows().get(2).get(2),
                "the error's first line, in the table");
        String markdown = MarkdownWriter.render(new Report("npm", "t", Machine.describe("c", "?",
                java.nio.file.Path.of("."), List.of()), true, List.of(), List.of(table), List.of(), samples.panels()),
                null);
        assertTrue(markdown.contains("| lodash | broken | failed: lodash.handler failed on broken: Cannot find module"
                + " 'lodash' |"), markdown);
        assertEquals(3, samples.panels().size(), "cold, warm and in-process");
        assertEquals(2, samples.panels().getFirst().groups().getFirst().bars().size(), "no bar for the failure");
    }
}
