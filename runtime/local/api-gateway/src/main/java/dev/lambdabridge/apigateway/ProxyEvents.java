package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the API Gateway payload format 1.0 proxy event of a request (REST APIs, and HTTP API routes with
 * {@code PayloadFormatVersion: "1.0"}, which add {@code "version": "1.0"}): httpMethod, path, resource,
 * pathParameters, query string parameters (single and multi-value), headers (single and multi-value), body and
 * isBase64Encoded, and requestContext (requestId, the API's stage, identity, and the authorizer's claims when the
 * route has a Cognito authorizer).
 */
public final class ProxyEvents {
    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** @param claims the Cognito claims for {@code requestContext.authorizer.claims}, or null for no authorizer */
    public ObjectNode event(HttpRequestData request, RouteTable.Match match, Map<String, String> claims,
                            String requestId, Instant now) {
        ObjectNode event = NODES.objectNode();
        if (match.route().isHttpApi()) {
            event.put("version", "1.0");
        }
        String path = request.decodedPath();
        event.put("resource", match.route().path().toString());
        event.put("path", path);
        event.put("httpMethod", request.method());
        putHeaders(event, request);
        putQuery(event, request.rawQuery());
        event.set("pathParameters", match.pathParameters().isEmpty() ? NODES.nullNode() : strings(match.pathParameters()));
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(request, match, path, claims, requestId, now));
        putBody(event, request, match.route().api().binaryMediaTypes());
        return event;
    }

    private ObjectNode requestContext(HttpRequestData request, RouteTable.Match match, String path,
                                      Map<String, String> claims, String requestId, Instant now) {
        String stage = match.route().api().stage();
        ObjectNode context = NODES.objectNode();
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("resourceId", Integer.toHexString(match.route().path().toString().hashCode()));
        context.put("resourcePath", match.route().path().toString());
        context.put("httpMethod", request.method());
        context.put("extendedRequestId", requestId);
        context.put("requestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.put("path", stage.equals("$default") ? path : "/" + stage + path);
        context.put("protocol", "HTTP/1.1");
        context.put("stage", stage);
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent"));
        for (String none : new String[] {"accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "user",
                "userArn"}) {
            identity.putNull(none);
        }
        if (claims != null) {
            context.putObject("authorizer").set("claims", strings(claims));
        }
        return context;
    }

    /** The request's headers but the front door's own {@value LocalClaims#HEADER}, which API Gateway would not have. */
    private static void putHeaders(ObjectNode event, HttpRequestData request) {
        List<Map.Entry<String, String>> headers = request.headers().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase(LocalClaims.HEADER)).toList();
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
            return;
        }
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (Map.Entry<String, String> header : headers) {
            single.put(header.getKey(), header.getValue()); // the last value wins, as in API Gateway
            values(multi, header.getKey()).add(header.getValue());
        }
    }

    private static void putQuery(ObjectNode event, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            single.put(name, value);
            values(multi, name).add(value);
        }
    }

    private static ArrayNode values(ObjectNode multi, String name) {
        return multi.get(name) instanceof ArrayNode existing ? existing : multi.putArray(name);
    }

    /** A bad %-escape is passed on as it was sent rather than refusing the request. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * Base64 with isBase64Encoded when the content type is one of the API's BinaryMediaTypes, as API Gateway does;
     * also when the body is not UTF-8 text (which API Gateway would garble), else the text.
     */
    private static void putBody(ObjectNode event, HttpRequestData request, List<String> binaryMediaTypes) {
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        if (MediaTypes.matchesAny(request.header("Content-Type"), binaryMediaTypes)) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
            return;
        }
        try {
            event.put("body", StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
            event.put("isBase64Encoded", false);
        } catch (CharacterCodingException e) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    private static JsonNode strings(Map<String, String> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach(node::put);
        return node;
    }

    /** A request id in API Gateway's form (a UUID). */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
