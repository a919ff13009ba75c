package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload format 2.0 event, the one HTTP APIs and Lambda function URLs send: {@code version},
 * {@code routeKey}, {@code rawPath}, {@code rawQueryString}, {@code cookies} (from the Cookie header, which then is
 * not in {@code headers}), {@code headers} (names lower-cased, repeated ones comma-joined),
 * {@code queryStringParameters} (decoded, repeated ones comma-joined), {@code pathParameters},
 * {@code requestContext} ({@code accountId}, {@code apiId}, {@code domainName}, {@code domainPrefix},
 * {@code http}, {@code requestId}, {@code routeKey}, {@code stage}, {@code time}, {@code timeEpoch}), and
 * {@code body} with {@code isBase64Encoded} (base64 unless the content type is text: {@link MediaTypes#isText}).
 * Fields without a value are left out, as AWS leaves them out.
 */
final class V2Events {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * What differs between an HTTP API route and a function URL.
     *
     * @param pathParameters the route's path parameters; empty for none (function URLs have none)
     */
    record Source(String routeKey, String stage, String apiId, String accountId, Map<String, String> pathParameters) {
    }

    private V2Events() {
    }

    static ObjectNode event(HttpRequestData request, Source source, String requestId, Instant now) {
        ObjectNode event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", source.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headers = event.putObject("headers");
        headers(request).forEach(headers::put);
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        event.set("requestContext", requestContext(request, source, requestId, now));
        if (request.body() != null && request.body().length > 0) {
            boolean text = MediaTypes.isText(request.header("Content-Type"), request.body());
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        if (!source.pathParameters().isEmpty()) {
            source.pathParameters().forEach(event.putObject("pathParameters")::put);
        }
        return event;
    }

    private static ObjectNode requestContext(HttpRequestData request, Source source, String requestId, Instant now) {
        ObjectNode context = NODES.objectNode();
        String domain = domainName(request);
        context.put("accountId", source.accountId());
        context.put("apiId", source.apiId());
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.decodedPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent") == null ? "" : request.header("User-Agent"));
        context.put("requestId", requestId);
        context.put("routeKey", source.routeKey());
        context.put("stage", source.stage());
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return context;
    }

    /** The Host the client called, without its port (AWS's domain names have none). */
    private static String domainName(HttpRequestData request) {
        String host = request.header("Host");
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    /** Every header but Cookie (it goes to cookies) and the front door's own X-Local-Claims. */
    private static Map<String, String> headers(HttpRequestData request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie") || name.equalsIgnoreCase(LocalClaims.HEADER)) {
                continue;
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }

    private static List<String> cookies(HttpRequestData request) {
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().equalsIgnoreCase("Cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            }
        }
        return cookies;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            query.merge(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)),
                    (a, b) -> a + "," + b);
        }
        return query;
    }

    /** A bad %-escape is passed on as it was sent rather than refusing the request. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
