package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.json.JsonText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A program's stdout as the invocation's response: valid JSON is passed as it is (byte for byte, whitespace
 * included); any other UTF-8 text becomes a JSON string (empty output: {@code ""}), as the classic Node.js
 * wrappers returned it with {@code context.succeed(stdout)}; bytes that are not UTF-8 are an error.
 */
final class ResponseText {
    private ResponseText() {
    }

    /**
     * @throws GuestError {@code Process.InvalidOutput} for invalid UTF-8, {@code Process.ResponseTooLarge} when
     *                     the JSON string made of the text is over Lambda's limit
     */
    static void write(byte[] stdout, int length, OutputStream response, String program) throws IOException {
        int invalid = Utf8.firstInvalid(stdout, length);
        if (invalid >= 0) {
            int from = Math.max(0, invalid - 20);
            throw new GuestError(ProcessErrorTypes.INVALID_OUTPUT, "\"" + program + "\" wrote " + length + " bytes to "
                    + "stdout that are not valid UTF-8: byte " + invalid + " is 0x"
                    + String.format("%02x", stdout[invalid] & 0xff) + " (bytes " + from + "-: "
                    + Utf8.escape(stdout, from, Math.min(length - from, 60), 60) + "). The response must be JSON or "
                    + "UTF-8 text");
        }
        if (Json.isValid(stdout, length)) {
            response.write(stdout, 0, length);
            return;
        }
        String text = new String(stdout, 0, length, StandardCharsets.UTF_8);
        byte[] json = JsonText.appendString(new StringBuilder(length + 32), text).toString()
                .getBytes(StandardCharsets.UTF_8);
        if (json.length > LambdaLimits.RESPONSE_PAYLOAD_BYTES) {
            throw new GuestError(ProcessErrorTypes.RESPONSE_TOO_LARGE, "\"" + program + "\" wrote " + length + " bytes "
                    + "of text to stdout; as a JSON string that is " + json.length + " bytes, over Lambda's "
                    + "response limit of " + LambdaLimits.RESPONSE_PAYLOAD_BYTES + " bytes");
        }
        response.write(json);
    }
}
