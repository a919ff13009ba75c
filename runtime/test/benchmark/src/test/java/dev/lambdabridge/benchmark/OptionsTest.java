package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one options parser: defaults of a full and a quick run, what is wrong said with the value, the usage. */
class OptionsTest {
    private static final List<Options.Spec> SPECS = List.of(
            Options.Spec.of("cold", "N", "10", "3", "cold starts"),
            Options.Spec.flag("no-profile", "skip the profile"));

    @Test
    void quickTakesTheQuickDefaultsAndWhatIsGivenWins() {
        assertEquals(10, Options.parse("s", SPECS).number("cold", 1));
        assertEquals(3, Options.parse("s", SPECS, "--quick").number("cold", 1));
        Options given = Options.parse("s", SPECS, "--quick", "--cold", "5", "--no-profile");
        assertEquals(5, given.number("cold", 1));
        assertTrue(given.flag("no-profile") && given.quick());
        assertEquals("Bench s --quick --cold 5 --no-profile", given.text("command"), "the command as typed");
    }

    @Test
    void badInputIsNamedWithItsValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("bridges", SPECS, "--colt", "3"));
        assertTrue(unknown.getMessage().startsWith("unknown option --colt for the bridges suite"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("--cold N"), "with the usage: " + unknown.getMessage());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("s", SPECS, "--cold", "many").number("cold", 1));
        assertEquals("--cold takes a whole number, got: many", notANumber.getMessage());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("s", SPECS, "--cold", "0").number("cold", 1));
        assertEquals("--cold must be at least 1, got: 0", tooFew.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("s", SPECS, "--cold"));
        assertTrue(missing.getMessage().startsWith("--cold needs a value (N)"), missing.getMessage());
    }

    @Test
    void everySuiteIsNamedInTheUsageAndAnUnknownOneIsRefused() {
        for (Bench.Suite suite : Bench.Suite.values()) {
            assertTrue(Bench.usage().contains("  " + suite.id + " "), Bench.usage());
            assertTrue(Options.usage(suite.id, suite.specs).contains("--quick"), "the common options come first");
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Bench.Suite.byId("warp"));
        assertTrue(unknown.getMessage().startsWith("unknown suite 'warp'"), unknown.getMessage());
    }
}
