package example.apps.time;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code timeZone} path parameter as a {@link ZoneId}. API Gateway gives it URL-decoded, whether the client sent
 * {@code /time/Europe/Dublin} (greedy {@code {timeZone+}}) or {@code /time/Europe%2FDublin}; a value that still
 * holds {@code %} escapes (a client that encoded twice, or a proxy that did not decode) is decoded once more. No
 * parameter means UTC.
 */
public final class TimeZones {
    /** The zone of {@code GET /time}: named "UTC" (ZoneOffset.UTC's id would be "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");
    private TimeZones() {
    }

    /**
     * @throws UnknownTimeZoneException naming the value when it is not a region id (Europe/Dublin), an offset
     *                                  (+01:00) or a prefixed offset (UTC+1)
     */
    public static ZoneId parse(String pathParameter) {
        if (pathParameter == null || pathParameter.isBlank()) {
            return UTC;
        }
        String id = pathParameter.trim();
        if (id.contains("%")) {
            id = percentDecode(id);
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new UnknownTimeZoneException(id, e.getMessage());
        }
    }

    /** Percent-decoding only: a '+' stays a '+' (zone ids such as Etc/GMT+1 hold one). */
    private static String percentDecode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnknownTimeZoneException(value, "bad %-escape: " + e.getMessage());
        }
    }
}
