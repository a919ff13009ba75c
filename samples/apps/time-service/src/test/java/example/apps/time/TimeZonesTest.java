package example.apps.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {
    @Test
    void noParameterIsUtc() {
        assertEquals("UTC", TimeZones.parse(null).getId());
        assertEquals("UTC", TimeZones.parse("  ").getId());
    }

    @Test
    void regionIdsWithASlashWork() {
        assertEquals(ZoneId.of("Europe/Dublin"), TimeZones.parse("Europe/Dublin"));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), TimeZones.parse("America/Argentina/Buenos_Aires"));
    }

    @Test
    void anEncodedSlashIsDecodedAndAPlusStaysAPlus() {
        assertEquals(ZoneId.of("Europe/Dublin"), TimeZones.parse("Europe%2FDublin"));
        assertEquals(ZoneId.of("Etc/GMT+1"), TimeZones.parse("Etc%2FGMT+1"));
        assertEquals(ZoneId.of("Etc/GMT+1"), TimeZones.parse("Etc/GMT+1"));
    }

    @Test
    void offsetsAndPrefixedOffsetsAreZones() {
        assertEquals("+01:00", TimeZones.parse("+01:00").getId());
        assertEquals("UTC+01:00", TimeZones.parse("UTC+1").getId());
    }

    @Test
    void anUnknownZoneNamesTheValue() {
        UnknownTimeZoneException e = assertThrows(UnknownTimeZoneException.class,
                () -> TimeZones.parse("Mars/Olympus_Mons"));
        assertEquals("Mars/Olympus_Mons", e.value());
        assertTrue(e.getMessage().startsWith("Unknown time zone 'Mars/Olympus_Mons'"), e.getMessage());
        assertTrue(e.getMessage().contains("Europe/Dublin"), e.getMessage());
    }

    @Test
    void malformedValuesAreUnknownZonesNotCrashes() {
        for (String bad : new String[] {"Europe/", "../../etc/passwd", "Europe%2", "%ZZ", "europe/dublin", "EST5EDT,x"}) {
            UnknownTimeZoneException e = assertThrows(UnknownTimeZoneException.class, () -> TimeZones.parse(bad), bad);
            assertTrue(e.getMessage().contains("Unknown time zone '"), e.getMessage());
        }
    }
}
