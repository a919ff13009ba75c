package dev.lambdabridge.apigateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the front door read it, independent of the server library.
 *
 * @param rawPath  the path as sent, still percent-encoded (so that an encoded {@code %2F} stays inside its segment)
 * @param rawQuery the query string as sent, or null
 * @param headers  every header field in order, names as sent (a name may repeat)
 */
public record HttpRequestData(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                              byte[] body, String sourceIp) {

    /** The path split on '/', each segment percent-decoded ('+' stays '+': it means a space only in queries). */
    public List<String> pathSegments() {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return segments;
        }
        for (String segment : path.split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        if (segments.getLast().isEmpty()) {
            segments.removeLast(); // a trailing slash: /time/ is /time, as API Gateway treats it
        }
        return segments;
    }

    /** The decoded path, as API Gateway gives it in the event's {@code path}. */
    public String decodedPath() {
        return "/" + String.join("/", pathSegments());
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
