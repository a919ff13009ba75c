package dev.lambdabridge.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import example.apps.testing.HostedFunctions;
import example.apps.testing.WireMockServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * scripts/serve-api's front door over real HTTP (java.net.http, as curl would), serving the sample routes of
 * samples/apps/api-routes.txt and functions.json through the emulator and the runtime's real bootstrap, plus two
 * test routes to real functions that fail (a function error, a result that is not a proxy response). Last, the
 * pipeline test action runs against the time service served here, and CodePipeline (WireMock: no emulator exists
 * for it) must receive PutJobSuccessResult for the job.
 */
@Tag("slow")
class ServeApiEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static ServeApi api;
    private static String base;

    @BeforeAll
    static void serve() throws Exception {
        Path apps = Path.of(System.getProperty("apps.dir"));
        Path routes = Files.createTempFile("serve-api-routes", ".txt");
        Files.writeString(routes, Files.readString(apps.resolve("api-routes.txt"))
                + "POST /broken pipeline-test\nGET /not-a-proxy-response dynamodb-stream\n");
        api = ServeApi.start(new ServeApi.Options(routes, apps.resolve("functions.json"), "127.0.0.1", 0, null, "local",
                Map.of(), null), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        base = "http://127.0.0.1:" + api.port();
        Files.delete(routes);
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    private static String log() {
        return LOG.toString(StandardCharsets.UTF_8);
    }

    @Test
    void timeInDublinOverHttp() throws Exception {
        HttpResponse<String> response = get("/time/Europe/Dublin");
        assertEquals(200, response.statusCode(), response.body() + "\n" + log());
        assertEquals("Europe/Dublin", JSON.readTree(response.body()).path("timeZone").asText());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
        // the same zone with the slash encoded, and UTC without a zone
        assertEquals("Europe/Dublin", JSON.readTree(get("/time/Europe%2FDublin").body()).path("timeZone").asText());
        assertEquals("UTC", JSON.readTree(get("/time").body()).path("timeZone").asText());
        assertTrue(log().contains("GET /time/Europe/Dublin -> time 200"), log());
    }

    @Test
    void anUnknownZoneIs400NamingIt() throws Exception {
        HttpResponse<String> response = get("/time/Mars/Olympus_Mons");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).path("message").asText()
                .startsWith("Unknown time zone 'Mars/Olympus_Mons'"), response.body());
    }

    @Test
    void theCognitoProxyGreetsTheClaimsOfTheHeader() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/hello/orders?x=1"))
                .header(LocalClaims.HEADER, "{\"given_name\":\"Ada\",\"family_name\":\"Lovelace\",\"sub\":\"u-1\"}")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"order\": 7}")));
        assertEquals(200, response.statusCode(), response.body() + "\n" + log());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("Hello, Ada Lovelace! You sent a PUT request.", body.path("message").asText());
        assertEquals("{\"order\": 7}", body.path("body").asText());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void aCognitoRouteWithoutClaimsIs401LikeApiGateway() throws Exception {
        HttpResponse<String> response = get("/hello");
        assertEquals(401, response.statusCode());
        assertEquals("{\"message\": \"Unauthorized\"}", response.body());
        assertTrue(log().contains("GET /hello -> 401: no X-Local-Claims header"), log());
    }

    @Test
    void noRouteIs403MissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = get("/nowhere");
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\": \"Missing Authentication Token\"}", response.body());
    }

    @Test
    void aFunctionErrorOrANonProxyResultIs502() throws Exception {
        HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(base + "/broken"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(502, failed.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", failed.body());
        assertTrue(log().contains("POST /broken: function pipeline-test failed: "), log());

        HttpResponse<String> malformed = get("/not-a-proxy-response");
        assertEquals(502, malformed.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", malformed.body());
        assertTrue(log().contains("malformed Lambda proxy response from dynamodb-stream"), log());
        // the front door and the functions still serve
        assertEquals(200, get("/time/Asia/Tokyo").statusCode());
    }

    @Test
    void theSampleRequestsOfTryGetTheirExpectedAnswers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<SampleRequests.Sample> samples = SampleRequests.read(Path.of(System.getProperty("apps.dir"),
                "api-requests.json"));
        int failed = SampleRequests.run(samples, base, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, failed, printed + "\n" + log());
        assertTrue(printed.contains("GET /time/Europe/Dublin -> 200 {\"timeZone\":\"Europe/Dublin\""), printed);
        assertTrue(printed.contains("POST /saml -> 400 {\"message\":\"the SAML response carries a DTD"), printed);
        assertTrue(printed.endsWith("all " + samples.size() + " requests answered as expected\n"), printed);
    }

    @Test
    void thePipelineTestPassesAgainstTheServedTimeServiceAndTellsCodePipeline() throws Exception {
        WireMockServer codePipeline = WireMockServers.start();
        try (HostedFunctions functions = HostedFunctions.start()) {
            codePipeline.stubFor(post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("CodePipeline_20150709.PutJobSuccessResult"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody("{}")));
            Path timeFunction = Path.of(System.getProperty("apps.dir"), "time-service", "target", "function");
            functions.add("pipeline-test", "example.apps.time.PipelineTestHandler::handleRequest", timeFunction,
                    WireMockServers.awsEnv("CODEPIPELINE", codePipeline.baseUrl()));
            String event = "{\"CodePipeline.job\": {\"id\": \"22222222-abcd-2222-abcd-222222abcdef\", \"data\": "
                    + "{\"actionConfiguration\": {\"configuration\": {\"UserParameters\": \"" + base + "\"}}}}}";
            JsonNode reply = functions.invokeOk("pipeline-test", event);
            assertEquals("succeeded", reply.path("result").asText(), reply + "\n" + functions.logText());

            List<LoggedRequest> calls = codePipeline.findAll(postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("CodePipeline_20150709.PutJobSuccessResult")));
            assertEquals(1, calls.size());
            JsonNode received = JSON.readTree(calls.getFirst().getBodyAsString());
            assertEquals("22222222-abcd-2222-abcd-222222abcdef", received.path("jobId").asText());
            assertTrue(received.path("executionDetails").path("summary").asText()
                    .startsWith("3 checks passed against " + base), received.toString());
            assertEquals(100, received.path("executionDetails").path("percentComplete").asInt());
            assertTrue(log().contains("GET /time/Mars/Olympus_Mons -> time 400"), log());
        } finally {
            codePipeline.stop();
        }
    }
}
