package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payload format 2.0 event and response, compared with AWS's own payloads (the shared fixtures). */
class PayloadV2Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");

    /** The request behind the fixture apigw_http_event.json, as a client sends it. */
    private static HttpRequestData fixtureRequest() {
        return new HttpRequestData("POST", "/my/path", "parameter1=value1&parameter1=value2&parameter2=value",
                List.of(Map.entry("Header1", "value1"), Map.entry("Header2", "value1"), Map.entry("Header2", "value2"),
                        Map.entry("Cookie", "cookie1; cookie2"), Map.entry("User-Agent", "agent"),
                        Map.entry("Content-Type", "text/plain"), Map.entry("Host", "id.execute-api.us-east-1.amazonaws.com")),
                "Hello from Lambda!!".getBytes(StandardCharsets.UTF_8), "IP");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anHttpApiEventHasTheFieldsOfAwsPayload() throws Exception {
        JsonNode fixture = JSON.readTree(AwsFixtures.file("apigw_http_event.json").toFile());
        JsonNode event = V2Events.event(fixtureRequest(), new V2Events.Source("$default", "$default", "api-id",
                "123456789012", Map.of("parameter1", "value1")), "id", NOW);
        Set<String> expected = names(fixture);
        expected.remove("stageVariables"); // none locally: left out, as AWS leaves out what has no value
        assertEquals(expected, names(event));
        for (String field : new String[] {"version", "routeKey", "rawPath", "rawQueryString", "cookies",
                "queryStringParameters", "body", "pathParameters", "isBase64Encoded"}) {
            assertEquals(fixture.get(field), event.get(field), field);
        }
        // AWS lower-cases header names (the fixture file keeps the case of the docs' first example)
        assertEquals("value1", event.path("headers").path("header1").asText());
        assertEquals("value1,value2", event.path("headers").path("header2").asText());
        assertFalse(event.path("headers").has("cookie"));
        JsonNode context = event.path("requestContext");
        Set<String> contextFields = names(fixture.path("requestContext"));
        contextFields.remove("authorizer"); // no JWT authorizer on this route
        assertEquals(contextFields, names(context));
        assertEquals(fixture.path("requestContext").path("http"), context.path("http"));
        for (String field : new String[] {"accountId", "apiId", "domainName", "domainPrefix", "requestId", "routeKey",
                "stage", "time"}) {
            assertEquals(fixture.path("requestContext").get(field), context.get(field), field);
        }
        assertEquals(NOW.toEpochMilli(), context.path("timeEpoch").asLong());
        APIGatewayV2HTTPEvent typed = JSON.treeToValue(event, APIGatewayV2HTTPEvent.class);
        assertEquals("POST", typed.getRequestContext().getHttp().getMethod());
        assertEquals(List.of("cookie1", "cookie2"), typed.getCookies());
    }

    @Test
    void aBodyThatIsNotTextIsBase64AndAnEmptyOneIsLeftOut() {
        V2Events.Source url = new V2Events.Source("$default", "$default", "fn", "anonymous", Map.of());
        JsonNode form = V2Events.event(new HttpRequestData("POST", "/", null, List.of(Map.entry("Content-Type",
                "application/x-www-form-urlencoded")), "a=1".getBytes(StandardCharsets.UTF_8), "::1"), url, "r", NOW);
        assertTrue(form.path("isBase64Encoded").asBoolean());
        assertEquals("YT0x", form.path("body").asText());
        JsonNode json = V2Events.event(new HttpRequestData("POST", "/", null, List.of(Map.entry("Content-Type",
                "application/json; charset=utf-8")), "{}".getBytes(StandardCharsets.UTF_8), "::1"), url, "r", NOW);
        assertEquals("{}", json.path("body").asText());
        assertFalse(json.path("isBase64Encoded").asBoolean());
        JsonNode get = V2Events.event(new HttpRequestData("GET", "/a%20b", null, List.of(), new byte[0], "::1"), url,
                "r", NOW);
        assertTrue(get.path("body").isMissingNode());
        assertTrue(get.path("pathParameters").isMissingNode());
        assertTrue(get.path("queryStringParameters").isMissingNode());
        assertEquals("", get.path("rawQueryString").asText());
        assertEquals("/a%20b", get.path("rawPath").asText());
        assertEquals("/a b", get.path("requestContext").path("http").path("path").asText());
        assertEquals("localhost", get.path("requestContext").path("domainName").asText());
    }

    @Test
    void aStructuredResponseGivesStatusHeadersCookiesAndBody() throws Exception {
        HttpResponseData response = V2Responses.from(Files.readString(
                AwsFixtures.file("response/apigw_v2_http_response.json")).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.status());
        assertEquals(List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("Set-Cookie", "session=abc123; Secure; HttpOnly")), response.headers());
        assertEquals("{\"message\":\"OK\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), V2Responses.from(
                "{\"statusCode\":201,\"body\":\"aGk=\",\"isBase64Encoded\":true}".getBytes(StandardCharsets.UTF_8)).body());
    }

    @Test
    void anyOtherJsonIsTheBodyOfA200JsonAnswer() {
        for (String plain : new String[] {"{\"message\":\"Hello, world!\"}", "\"Hello, world!\"", "42", "[1,2]"}) {
            HttpResponseData response = V2Responses.from(plain.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.status(), plain);
            assertEquals(List.of(Map.entry("Content-Type", "application/json")), response.headers(), plain);
            assertEquals(plain, new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedResponsesAreNamed() {
        for (String bad : new String[] {"not json", "{\"statusCode\":\"abc\"}", "{\"statusCode\":700}",
                "{\"statusCode\":200,\"body\":{\"a\":1}}", "{\"statusCode\":200,\"body\":\"*\",\"isBase64Encoded\":true}"}) {
            assertThrows(MalformedProxyResponseException.class,
                    () -> V2Responses.from(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
