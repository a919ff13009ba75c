package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * The read operations of Lambda's API over the hosted functions, so that tools that list or describe functions
 * work: ListFunctions ({@code GET /2015-03-31/functions/}, paged by {@code Marker} and {@code MaxItems}),
 * GetFunction ({@code GET /2015-03-31/functions/{name}}) and GetFunctionConfiguration
 * ({@code GET /2015-03-31/functions/{name}/configuration}), in Lambda's shapes.
 */
final class FunctionReadApi {
    /** Lambda's page size when MaxItems is not given, and its largest MaxItems. */
    static final int DEFAULT_PAGE = 50;
    static final int MAX_ITEMS = 10_000;

    private final Emulator emulator;

    FunctionReadApi(Emulator emulator) {
        this.emulator = emulator;
    }

    /** ListFunctions: {@code {"Functions": [...], "NextMarker": "..."}} (no NextMarker on the last page). */
    byte[] list(Fields query) {
        int maxItems = maxItems(query.getValue("MaxItems"));
        List<HostedFunction> all = emulator.hostedFunctions();
        int from = markerIndex(query.getValue("Marker"), all.size());
        int to = Math.min(all.size(), from + maxItems);
        ObjectNode page = TelemetrySubscription.JSON.createObjectNode();
        ArrayNode functions = page.putArray("Functions");
        all.subList(from, to).forEach(function -> functions.add(FunctionConfigurationJson.of(function.description())));
        if (to < all.size()) {
            page.put("NextMarker", marker(to));
        }
        return utf8(page.toString());
    }

    /** GetFunction: the configuration, where the code is, and the tags (none). */
    byte[] get(String nameOrArn, Fields query) {
        HostedFunction function = emulator.function(nameOrArn, query.getValue("Qualifier"));
        ObjectNode answer = TelemetrySubscription.JSON.createObjectNode();
        answer.set("Configuration", FunctionConfigurationJson.of(function.description()));
        answer.putObject("Code").put("RepositoryType", "Local")
                .put("Location", function.config().codeDir().toUri().toString());
        answer.putObject("Tags");
        return utf8(answer.toString());
    }

    /** GetFunctionConfiguration. */
    byte[] configuration(String nameOrArn, Fields query) {
        HostedFunction function = emulator.function(nameOrArn, query.getValue("Qualifier"));
        return utf8(FunctionConfigurationJson.of(function.description()).toString());
    }

    private static int maxItems(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int items = Integer.parseInt(value);
            if (items >= 1 && items <= MAX_ITEMS) {
                return items;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvokeApiException(400, ErrorTypes.INVALID_PARAMETER, "MaxItems must be a whole number from 1 to "
                + MAX_ITEMS + ", got: " + value);
    }

    /** Markers are opaque to callers; here the base64 of the index of the page's first function. */
    private static String marker(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("index:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int markerIndex(String marker, int size) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith("index:")) {
                int index = Integer.parseInt(text.substring("index:".length()));
                if (index >= 0 && index <= size) {
                    return index;
                }
            }
        } catch (IllegalArgumentException badMarker) {
            // answered below
        }
        throw new InvokeApiException(400, ErrorTypes.INVALID_PARAMETER, "Marker " + marker
                + " is not one this emulator gave out (NextMarker of a ListFunctions answer)");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
