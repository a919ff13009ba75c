package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Invoke API's JSON check on hostile payloads (docs/bad-input.md). */
class JsonPayloadCheckTest {

    @Test
    void aHundredThousandNestedArraysAre400NamingTheDepthLimit() {
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        InvokeApiException refused = assertThrows(InvokeApiException.class, () -> JsonPayloadCheck.check(deep));
        assertEquals(400, refused.statusCode());
        assertEquals(ErrorTypes.INVALID_REQUEST_CONTENT, refused.errorType());
        assertTrue(refused.getMessage().startsWith("Could not parse request body into json: ")
                && refused.getMessage().contains("nesting depth"), refused.getMessage());
    }

    @Test
    void invalidUtf8InAStringIs400() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        InvokeApiException refused = assertThrows(InvokeApiException.class, () -> JsonPayloadCheck.check(bad));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.getMessage().contains("UTF-8") || refused.getMessage().contains("0xff"),
                refused.getMessage());
    }
}
