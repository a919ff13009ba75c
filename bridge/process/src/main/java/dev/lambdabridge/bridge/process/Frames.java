package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The frames of docs/worker-protocol.md: a header line {@code <TYPE> <LENGTH>\n} (ASCII, at most 64 bytes with
 * the newline; TYPE upper-case letters; LENGTH decimal, no sign, no leading zeros but {@code 0} itself), then
 * exactly LENGTH payload bytes.
 */
final class Frames {
    static final int MAX_HEADER_BYTES = 64;
    /** INVOKE: Lambda's 6 MiB request limit plus room for the context wrapped around the event. */
    static final int MAX_INVOKE_BYTES = LambdaLimits.SYNC_PAYLOAD_BYTES + 64 * 1024;
    /** READY, RESULT, ERROR: Lambda's response limit. */
    static final int MAX_REPLY_BYTES = LambdaLimits.RESPONSE_PAYLOAD_BYTES;
    /** How many bytes of a bad frame a message shows. */
    static final int SHOWN_BYTES = 100;

    static final String READY = "READY";
    static final String INVOKE = "INVOKE";
    static final String RESULT = "RESULT";
    static final String ERROR = "ERROR";

    /** A frame header as read: its type and announced payload length. */
    record Header(String type, long length) {
    }

    private Frames() {
    }

    /**
     * Reads one header line from the worker.
     *
     * @return null when the stream ends before the first byte (the worker closed its end between frames)
     * @throws ProtocolException for a malformed, over-long, truncated or unknown header; a length over the limit
     *                           of its type is the caller's to judge ({@link #checkLength})
     */
    static Header readHeader(InputStream in) throws IOException, ProtocolException {
        byte[] line = new byte[MAX_HEADER_BYTES];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new ProtocolException("end of stream inside a frame header: "
                        + Utf8.escape(line, 0, length, SHOWN_BYTES));
            }
            line[length++] = (byte) b;
            if (b == '\n') {
                return parseHeader(line, length);
            }
            if (length == MAX_HEADER_BYTES) {
                byte[] shown = new byte[SHOWN_BYTES];
                System.arraycopy(line, 0, shown, 0, length);
                int more = in.readNBytes(shown, length, SHOWN_BYTES - length);
                throw new ProtocolException("frame header longer than " + MAX_HEADER_BYTES + " bytes (no newline): "
                        + Utf8.escape(shown, 0, length + more, SHOWN_BYTES));
            }
        }
    }

    /** Parses {@code line[0, length)}, which ends with its newline. */
    static Header parseHeader(byte[] line, int length) throws ProtocolException {
        int space = -1;
        for (int i = 0; i < length - 1; i++) {
            byte b = line[i];
            if (b == ' ' && space < 0 && i > 0) {
                space = i;
            } else if (space < 0 ? (b < 'A' || b > 'Z') : (b < '0' || b > '9')) {
                throw malformed(line, length);
            }
        }
        int digits = length - 1 - (space + 1);
        if (space < 0 || digits == 0 || (digits > 1 && line[space + 1] == '0') || digits > 18) {
            throw malformed(line, length);
        }
        String type = new String(line, 0, space, StandardCharsets.US_ASCII);
        long value = Long.parseLong(new String(line, space + 1, digits, StandardCharsets.US_ASCII));
        return new Header(type, value);
    }

    private static ProtocolException malformed(byte[] line, int length) {
        return new ProtocolException("malformed frame header (expected \"TYPE LENGTH\\n\"): "
                + Utf8.escape(line, 0, length, SHOWN_BYTES));
    }

    /** Throws unless {@code header.length()} is within {@code limit}. */
    static void checkLength(Header header, long limit) throws ProtocolException {
        if (header.length() > limit) {
            throw new ProtocolException(header.type() + " frame of " + header.length() + " bytes is over the limit of "
                    + limit + " bytes");
        }
    }

    /** Reads the payload of {@code header}. */
    static byte[] readPayload(InputStream in, Header header) throws IOException, ProtocolException {
        byte[] payload = in.readNBytes((int) header.length());
        if (payload.length < header.length()) {
            throw truncated(header, payload.length);
        }
        return payload;
    }

    /** Copies the payload of {@code header} to {@code out} as it arrives. */
    static void copyPayload(InputStream in, Header header, OutputStream out) throws IOException, ProtocolException {
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, header.length()))];
        long left = header.length();
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw truncated(header, header.length() - left);
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    static ProtocolException truncated(Header header, long got) {
        return new ProtocolException("end of stream inside a " + header.type() + " frame: got " + got + " of "
                + header.length() + " bytes");
    }

    /** The header line of a frame. */
    static byte[] header(String type, long length) {
        return (type + " " + length + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a frame whose payload is the concatenation of {@code parts}, then flushes. */
    static void write(OutputStream out, String type, byte[]... parts) throws IOException {
        long length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        out.write(header(type, length));
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
    }
}
