package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.GuestError;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text the JVM hands to the operating system as an argument or an environment variable value.
 *
 * <p>The JVM encodes argv and new environment values with its platform encoding ({@code sun.jnu.encoding}), which
 * follows the locale: with {@code LANG=en_US.UTF-8} on a system without that locale (it happens: this machine,
 * and possibly Amazon Linux's minimal images), or with {@code LANG=C}, it is ASCII and every non-ASCII character
 * becomes {@code ?} (measured here with Temurin 25; {@code -Dsun.jnu.encoding} is ignored). So when the platform
 * encoding is not UTF-8, JSON text is passed with its non-ASCII characters written as {@code \\uXXXX} escapes:
 * the same JSON value for any JSON parser, though not the same bytes. With a UTF-8 locale the bytes are exact.
 * (Inherited environment variables are not affected: the JVM keeps their original bytes.)
 */
final class NativeText {
    /** Linux's MAX_ARG_STRLEN: one argument, with its terminating NUL, is at most 32 pages (128 KiB). */
    static final int MAX_ARGUMENT_BYTES = 128 * 1024 - 1;
    static final boolean UTF8_PLATFORM = platformIsUtf8();

    private NativeText() {
    }

    private static boolean platformIsUtf8() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name != null && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /**
     * The event as one argument ({@code {event}}).
     *
     * @throws GuestError {@code Process.InvalidEvent} when it is not UTF-8, holds a NUL byte or is longer than
     *                     one argument can be
     */
    static String eventArgument(byte[] event) {
        int invalid = Utf8.firstInvalid(event, event.length);
        if (invalid >= 0) {
            throw new GuestError(ProcessErrorTypes.INVALID_EVENT, "The event is not valid UTF-8 (at byte " + invalid
                    + "), so it cannot be passed as the {event} argument");
        }
        for (byte b : event) {
            if (b == 0) {
                throw new GuestError(ProcessErrorTypes.INVALID_EVENT, "The event contains a NUL byte, which an argument "
                        + "cannot hold; take the event on stdin instead (leave {event} out of the handler string)");
            }
        }
        String text = forPlatform(new String(event, StandardCharsets.UTF_8));
        int bytes = UTF8_PLATFORM ? event.length : text.length();
        if (bytes > MAX_ARGUMENT_BYTES) {
            throw new GuestError(ProcessErrorTypes.INVALID_EVENT, "The event is " + bytes + " bytes; Linux passes at most "
                    + MAX_ARGUMENT_BYTES + " bytes in one argument (MAX_ARG_STRLEN). Take large events on stdin "
                    + "instead (leave {event} out of the handler string)");
        }
        return text;
    }

    /** JSON text ready for an argument or environment value: as is, or ASCII-escaped (see the class comment). */
    static String forPlatform(String json) {
        if (UTF8_PLATFORM) {
            return json;
        }
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(json.length() + 64).append(json, 0, i);
            }
            out.append(String.format("\\u%04x", (int) c));
        }
        return out == null ? json : out.toString();
    }
}
