package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T15:04:05Z");

    private static JsonNode event(HttpRequestData request, String route, Map<String, String> claims) {
        RouteTable.Match match = new RouteTable(List.of(Routes.of(route)))
                .find(request.method(), request.pathSegments());
        return new ProxyEvents().event(request, match, claims, "req-1", NOW);
    }

    @Test
    void aGetBecomesARestProxyEvent() {
        HttpRequestData request = new HttpRequestData("GET", "/time/Europe%2FDublin", "a=1&b=x%20y&a=2",
                List.of(Map.entry("Accept", "application/json"), Map.entry("X-Multi", "1"), Map.entry("X-Multi", "2"),
                        Map.entry("User-Agent", "curl/8")), new byte[0], "127.0.0.1");
        JsonNode event = event(request, "GET /time/{timeZone+} time", null);
        assertEquals("/time/{timeZone+}", event.path("resource").asText());
        assertEquals("/time/Europe/Dublin", event.path("path").asText());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("Europe/Dublin", event.path("pathParameters").path("timeZone").asText());
        assertEquals("2", event.path("queryStringParameters").path("a").asText());
        assertEquals("x y", event.path("queryStringParameters").path("b").asText());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueQueryStringParameters").path("a").toString());
        assertEquals("2", event.path("headers").path("X-Multi").asText());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueHeaders").path("X-Multi").toString());
        assertTrue(event.path("body").isNull());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        JsonNode context = event.path("requestContext");
        assertEquals("req-1", context.path("requestId").asText());
        assertEquals("local", context.path("stage").asText());
        assertEquals("/local/time/Europe/Dublin", context.path("path").asText());
        assertEquals("27/Nov/2026:15:04:05 +0000", context.path("requestTime").asText());
        assertEquals(NOW.toEpochMilli(), context.path("requestTimeEpoch").asLong());
        assertEquals("127.0.0.1", context.path("identity").path("sourceIp").asText());
        assertEquals("curl/8", context.path("identity").path("userAgent").asText());
        assertTrue(context.path("authorizer").isMissingNode());
    }

    @Test
    void theEventReadsAsTheEventsLibrarysType() throws Exception {
        HttpRequestData request = new HttpRequestData("POST", "/hello/a/b", null, List.of(Map.entry("Content-Type",
                "application/json"), Map.entry("X-Local-Claims", "{}")), "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");
        JsonNode event = event(request, "ANY /hello/{proxy+} hello cognito", Map.of("given_name", "Ada"));
        assertEquals("{\"Content-Type\":\"application/json\"}", event.path("headers").toString());
        APIGatewayProxyRequestEvent typed = JSON.treeToValue(event, APIGatewayProxyRequestEvent.class);
        assertEquals("{\"x\":1}", typed.getBody());
        assertEquals("a/b", typed.getPathParameters().get("proxy"));
        assertEquals(Map.of("given_name", "Ada"), typed.getRequestContext().getAuthorizer().get("claims"));
        assertEquals("local", typed.getRequestContext().getStage());
    }

    @Test
    void aBinaryBodyIsBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        JsonNode event = event(new HttpRequestData("POST", "/up", null, List.of(), png, "::1"), "POST /up up", null);
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals("iVBORwD/", event.path("body").asText());
    }

    @Test
    void aBinaryMediaTypeOfTheApiIsBase64EvenWhenItIsText() {
        JsonNode event = event(new HttpRequestData("POST", "/up", null, List.of(Map.entry("Content-Type", "image/png")),
                "PNG".getBytes(StandardCharsets.UTF_8), "::1"), "POST /up up", null);
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals("UE5H", event.path("body").asText());
        assertTrue(event.path("version").isMissingNode());
    }

    @Test
    void anHttpApiRouteWithPayload10AddsTheVersionAndHasNoStageInItsPath() {
        JsonNode event = event(new HttpRequestData("GET", "/echo/a", null, List.of(), new byte[0], "::1"),
                "ANY /echo/{proxy+} echo http-1.0", null);
        assertEquals("1.0", event.path("version").asText());
        assertEquals("$default", event.path("requestContext").path("stage").asText());
        assertEquals("/echo/a", event.path("requestContext").path("path").asText());
    }

    private static java.util.Set<String> names(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void thePayload10EventHasTheFieldsOfAwsPayload() throws Exception {
        JsonNode fixture = JSON.readTree(AwsFixtures.file("apigw_rest_event.json").toFile());
        HttpRequestData request = new HttpRequestData("GET", "/my/path", "parameter1=value1",
                List.of(Map.entry("Header1", "value1"), Map.entry("User-Agent", "user-agent")), new byte[0], "IP");
        // the fixture carries "version": "1.0" and stage $default: an HTTP API route with payload 1.0
        JsonNode event = event(request, "GET /my/path fn http-1.0", null);
        assertEquals(names(fixture), names(event));
        java.util.Set<String> context = names(fixture.path("requestContext"));
        context.remove("authorizer"); // only on a route with an authorizer
        assertEquals(context, names(event.path("requestContext")));
        assertEquals(names(fixture.path("requestContext").path("identity")),
                names(event.path("requestContext").path("identity")));
        for (String field : new String[] {"version", "resource", "path", "httpMethod", "pathParameters",
                "stageVariables"}) {
            assertEquals(fixture.get(field), event.get(field), field);
        }
        for (String field : new String[] {"resourcePath", "httpMethod", "protocol", "stage", "path"}) {
            assertEquals(fixture.path("requestContext").get(field), event.path("requestContext").get(field), field);
        }
        // a REST API's event is the same without the version
        JsonNode rest = event(request, "GET /my/path fn", null);
        assertTrue(rest.path("version").isMissingNode());
        assertEquals(names(fixture).size() - 1, names(rest).size());
    }

    @Test
    void aProxyResponseBecomesTheHttpResponse() {
        HttpResponseData response = ProxyResponses.from(("{\"statusCode\":201,\"headers\":{\"X-A\":\"1\"},"
                + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"],\"X-A\":[\"1\"]},\"body\":\"aGk=\","
                + "\"isBase64Encoded\":true}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.status());
        assertEquals(List.of(Map.entry("X-A", "1"), Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2")),
                response.headers());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals(0, ProxyResponses.from("{\"statusCode\":204}".getBytes(StandardCharsets.UTF_8)).body().length);
    }

    @Test
    void malformedProxyResponsesAreNamed() {
        for (String bad : new String[] {"\"just a string\"", "{\"records\":3}", "{\"statusCode\":\"abc\"}",
                "{\"statusCode\":200,\"body\":{\"a\":1}}", "{\"statusCode\":200,\"body\":\"*\",\"isBase64Encoded\":true}",
                "not json"}) {
            assertThrows(MalformedProxyResponseException.class,
                    () -> ProxyResponses.from(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void claimsComeFromTheHeaderOrTheFixedIdentity() {
        LocalClaims claims = new LocalClaims(Map.of("given_name", "Local", "family_name", "User"));
        HttpRequestData withHeader = new HttpRequestData("GET", "/hello", null,
                List.of(Map.entry("x-local-claims", "{\"given_name\":\"Ada\",\"auth_time\":1764251400}")), null, "::1");
        assertEquals(Map.of("given_name", "Ada", "auth_time", "1764251400"), claims.of(withHeader));
        assertEquals("Local", claims.of(new HttpRequestData("GET", "/hello", null, List.of(), null, "::1"))
                .get("given_name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalClaims.parse("[1]", "header X"))
                .getMessage().startsWith("header X must be a JSON object of claims"));
    }
}
