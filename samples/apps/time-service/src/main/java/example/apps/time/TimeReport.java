package example.apps.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The body of a {@code GET /time} answer.
 *
 * @param timeZone  the zone id, e.g. {@code Europe/Dublin} ({@code Z} for UTC)
 * @param time      the local date and time there with its offset, ISO-8601, to the millisecond, e.g. {@code 2026-11-27T14:50:00.123Z}
 * @param utcOffset the zone's offset at that instant, e.g. {@code +01:00} or {@code Z}
 * @param epochMillis the instant, for clients that compare
 */
public record TimeReport(String timeZone, String time, String utcOffset, long epochMillis) {

    public static TimeReport at(Instant instant, ZoneId zone) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        ZonedDateTime there = millis.atZone(zone);
        return new TimeReport(zone.getId(), there.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                there.getOffset().getId(), millis.toEpochMilli());
    }
}
