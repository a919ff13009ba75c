package example.apps.time;

/** A time zone the JDK's zone database does not know; the message names the value and says what would work. */
public final class UnknownTimeZoneException extends RuntimeException {
    private final String value;

    public UnknownTimeZoneException(String value, String reason) {
        super("Unknown time zone '" + value + "' (" + reason + "): use an IANA zone id such as Europe/Dublin or "
                + "America/New_York, an offset such as +01:00, or UTC");
        this.value = value;
    }

    /** The time zone as the client gave it. */
    public String value() {
        return value;
    }
}
