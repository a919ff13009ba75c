package dev.lambdabridge.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Lambda refuses an invoke payload that is not one JSON document before any runtime sees it; so does the
 * emulator, with Jackson's streaming parser (no tree is built).
 */
final class JsonPayloadCheck {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonPayloadCheck() {
    }

    /** @throws InvokeApiException 400 InvalidRequestContentException, with the parser's line and column */
    static void check(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid("Unexpected content after the JSON value at line " + parser.currentLocation().getLineNr()
                        + ", column " + parser.currentLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            // a limit of the parser (nesting depth, number or string length) has no location
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw invalid(e.getOriginalMessage() + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()));
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
    }

    private static InvokeApiException invalid(String detail) {
        return new InvokeApiException(400, ErrorTypes.INVALID_REQUEST_CONTENT,
                "Could not parse request body into json: " + detail);
    }
}
