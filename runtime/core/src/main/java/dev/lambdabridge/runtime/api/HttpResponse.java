package dev.lambdabridge.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response read by {@link HttpConnection}: status, headers keyed by lower-case name, and the whole body. */
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
