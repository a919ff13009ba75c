package dev.lambdabridge.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * scripts/serve-api's front doors over real HTTP, serving samples/template.yaml (its Api and HttpApi events and
 * function URLs) through the emulator and the runtime's real bootstrap, with curl (a real curl process) or
 * java.net.http as the client. A few test functions are added to the template: real functions that fail (a
 * function error, a result that is not a proxy response), an HTTP API route of one method, and a BUFFERED function
 * URL. Last, the pipeline test action runs against the time service served here, and CodePipeline (WireMock: no
 * emulator exists for it) must receive PutJobSuccessResult for the job.
 */
@Tag("slow")
class ServeApiEndToEndTest {
    /** Appended to the sample template's Resources. */
    private static final String TEST_RESOURCES = """
              TestBroken:
                # the pipeline test action fails on an event that is not a CodePipeline job
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: apps/time-service/target/function
                  Handler: example.apps.time.PipelineTestHandler::handleRequest
                  Events:
                    Rest: {Type: Api, Properties: {RestApiId: !Ref AppsApi, Path: /broken, Method: post}}
                    Http: {Type: HttpApi, Properties: {Path: /http-broken, Method: post}}
                  FunctionUrlConfig: {AuthType: NONE}
              TestNotAProxyResponse:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: apps/dynamodb-stream/target/function
                  Handler: example.apps.ddbstream.StreamProcessorHandler::handleRequest
                  Events:
                    Rest: {Type: Api, Properties: {RestApiId: !Ref AppsApi, Path: /not-a-proxy-response, Method: get}}
              TestEcho:
                # answers with the event itself: no statusCode, so a 2.0 front door makes it a 200 JSON body
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: java-hello/target/function
                  Handler: example.hello.EchoStreamHandler::handleRequest
                  Events:
                    Http: {Type: HttpApi, Properties: {Path: /http-only, Method: get}}
                  FunctionUrlConfig: {AuthType: NONE, InvokeMode: BUFFERED}
              TestSlow:
                # the CSV report, slower than its route's integration timeout
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: streaming/target/function
                  Handler: example.streaming.CsvReportHandler
                  Events:
                    Http: {Type: HttpApi, Properties: {Path: /slow, Method: get, TimeoutInMillis: 1000}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static ServeApi api;
    private static String base;
    private static Path dir;

    @BeforeAll
    static void serve() throws Exception {
        Path samples = Path.of(System.getProperty("apps.dir")).resolve("..").toAbsolutePath().normalize();
        dir = Files.createTempDirectory("serve-api-test");
        Path template = dir.resolve("template.yaml");
        String text = Files.readString(samples.resolve("template.yaml"));
        assertTrue(text.contains("\nOutputs:"));
        Files.writeString(template, text.replace("\nOutputs:", "\n" + TEST_RESOURCES + "\nOutputs:")
                .replace("CodeUri: ", "CodeUri: " + samples + "/"));
        api = ServeApi.start(new ServeApi.Options(template, Map.of(), "127.0.0.1", 0, 0, null, Map.of(), null),
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        Files.deleteIfExists(dir.resolve("template.yaml"));
        Files.deleteIfExists(dir);
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

    private static String url(String function) {
        String url = api.functionUrls().get(function);
        assertTrue(url != null, function + " has no function URL: " + api.functionUrls());
        return url;
    }

    @Test
    void curlGetsA20EventForAnHttpApiRoute() throws Exception {
        Curl.Reply reply = Curl.run("-X", "PUT", "-H", "Cookie: session=abc; theme=dark", "-H", "X-Multi: 1",
                "-H", "X-Multi: 2", "-H", "Content-Type: application/json", "--data-binary", "{\"order\": 7}",
                base + "/echo/v2/orders/7?x=1&x=2&y=a%20b");
        assertEquals(200, reply.status(), reply + "\n" + log());
        assertTrue(reply.header("apigw-requestid") != null, reply.headers());
        JsonNode event = JSON.readTree(reply.body());
        assertEquals("2.0", event.path("version").asText());
        assertEquals("ANY /echo/v2/{proxy+}", event.path("routeKey").asText());
        assertEquals("/echo/v2/orders/7", event.path("rawPath").asText());
        assertEquals("x=1&x=2&y=a%20b", event.path("rawQueryString").asText());
        assertEquals("[\"session=abc\",\"theme=dark\"]", event.path("cookies").toString());
        JsonNode headers = event.path("headers");
        assertEquals("1,2", headers.path("x-multi").asText());
        assertTrue(headers.path("user-agent").asText().startsWith("curl/"), headers.toString());
        assertFalse(headers.has("cookie"), headers.toString());
        assertEquals("127.0.0.1", headers.path("x-forwarded-for").asText()); // added, as API Gateway adds them
        assertEquals(String.valueOf(api.port()), headers.path("x-forwarded-port").asText());
        assertEquals("http", headers.path("x-forwarded-proto").asText());
        headers.fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(java.util.Locale.ROOT), name));
        assertEquals("{\"x\":\"1,2\",\"y\":\"a b\"}", event.path("queryStringParameters").toString());
        assertEquals("{\"proxy\":\"orders/7\"}", event.path("pathParameters").toString());
        JsonNode context = event.path("requestContext");
        assertEquals("PUT", context.path("http").path("method").asText());
        assertEquals("/echo/v2/orders/7", context.path("http").path("path").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("$default", context.path("stage").asText());
        assertEquals("ANY /echo/v2/{proxy+}", context.path("routeKey").asText());
        assertEquals("{\"order\": 7}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        // a form post is not text to an HTTP API: it arrives base64
        JsonNode form = JSON.readTree(Curl.run("-d", "a=1", base + "/echo/v2/form").body());
        assertTrue(form.path("isBase64Encoded").asBoolean(), form.toString());
        assertEquals("YT0x", form.path("body").asText());
    }

    @Test
    void curlGetsA10EventForAnApiRoute() throws Exception {
        Curl.Reply reply = Curl.run("-H", "X-Multi: 1", "-H", "X-Multi: 2", base + "/echo/v1/a/b?q=1&q=2");
        assertEquals(200, reply.status(), reply + "\n" + log());
        assertTrue(reply.header("x-amzn-RequestId") != null, reply.headers());
        JsonNode event = JSON.readTree(reply.body());
        assertTrue(event.path("version").isMissingNode(), event.toString());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("/echo/v1/{proxy+}", event.path("resource").asText());
        assertEquals("/echo/v1/a/b", event.path("path").asText());
        assertEquals("a/b", event.path("pathParameters").path("proxy").asText());
        assertEquals("2", event.path("queryStringParameters").path("q").asText());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueQueryStringParameters").path("q").toString());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueHeaders").path("X-Multi").toString());
        assertEquals("Prod", event.path("requestContext").path("stage").asText());
        assertEquals("/Prod/echo/v1/a/b", event.path("requestContext").path("path").asText());
        assertTrue(event.path("body").isNull());
        // the same function behind an HTTP API route with PayloadFormatVersion "1.0"
        JsonNode v1 = JSON.readTree(Curl.run(base + "/echo/http-v1/c").body());
        assertEquals("1.0", v1.path("version").asText());
        assertEquals("/echo/http-v1/{proxy+}", v1.path("resource").asText());
        assertEquals("$default", v1.path("requestContext").path("stage").asText());
    }

    @Test
    void anHttpApiInfersA200FromAPlainResultAndAnswersItsOwnErrors() throws Exception {
        Curl.Reply plain = Curl.run(base + "/http-only?k=v");
        assertEquals(200, plain.status(), plain + "\n" + log());
        assertEquals("application/json", plain.header("Content-Type"));
        assertEquals("/http-only", JSON.readTree(plain.body()).path("rawPath").asText()); // the event, echoed
        Curl.Reply wrongMethod = Curl.run("-X", "POST", base + "/http-only");
        assertEquals(404, wrongMethod.status());
        assertEquals("{\"message\":\"Not Found\"}", wrongMethod.body());
        Curl.Reply broken = Curl.run("-X", "POST", base + "/http-broken");
        assertEquals(500, broken.status());
        assertEquals("{\"message\":\"Internal Server Error\"}", broken.body());
        assertTrue(log().contains("POST /http-broken: function TestBroken failed: "), log());
        long start = System.nanoTime();
        Curl.Reply slow = Curl.run(base + "/slow?rows=10&flushEvery=5&pauseMs=1500"); // about 3 s of work
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, slow.status(), slow + "\n" + log());
        assertEquals("{\"message\":\"Service Unavailable\"}", slow.body());
        assertTrue(ms < 2500, "answered after " + ms + " ms, the route's TimeoutInMillis is 1000");
        assertTrue(log().contains("TestSlow did not answer within the integration timeout of 1000 ms"), log());
    }

    @Test
    void aFunctionUrlStreamsToCurlAsTheFunctionWritesIt() throws Exception {
        // 20 rows in 4 flushes, 400 ms apart: the first rows must reach curl well before the function ends
        Curl.Stream stream = Curl.stream(url("CsvReport") + "/report?rows=20&flushEvery=5&pauseMs=400");
        assertEquals(0, stream.exit(), stream + "\n" + log());
        assertTrue(stream.headers().startsWith("HTTP/1.1 200"), stream.headers());
        assertTrue(stream.headers().contains("Content-Type: text/csv"), stream.headers());
        assertTrue(stream.headers().contains("Content-Disposition: attachment; filename=\"report.csv\""));
        assertTrue(stream.headers().contains("Set-Cookie: report=generated"), stream.headers());
        assertTrue(stream.headers().contains("Transfer-Encoding: chunked"), stream.headers());
        assertFalse(stream.body().contains("\0"), "the prelude and its NUL delimiter are not passed on");
        String[] lines = stream.body().split("\n");
        assertEquals("id,region,sku,quantity,amount_cents", lines[0]);
        assertEquals(21, lines.length, stream.body());
        assertTrue(lines[20].startsWith("19,"), lines[20]);
        List<Long> arrivals = stream.arrivalsMs();
        assertTrue(arrivals.size() >= 4, "the body came in " + arrivals.size() + " pieces: " + arrivals);
        long spread = arrivals.getLast() - arrivals.getFirst();
        assertTrue(spread >= 900, "the first bytes came " + spread + " ms before the last (3 pauses of 400 ms "
                + "between): " + arrivals);
        assertTrue(log().contains("CsvReport URL: GET /report?rows=20&flushEvery=5&pauseMs=400 -> streamed 200"),
                log());
    }

    @Test
    void aStreamThatFailsPartWayIsCutNotCompleted() throws Exception {
        Curl.Stream stream = Curl.stream(url("FailingReport") + "/?rows=40");
        assertNotEquals(0, stream.exit(), "curl must see an incomplete response: " + stream);
        assertTrue(stream.headers().startsWith("HTTP/1.1 200"), stream.headers());
        assertTrue(stream.body().startsWith("id,region,sku,quantity,amount_cents\n0,"), stream.body());
        assertTrue(stream.body().contains("\n19,"), stream.body());
        assertFalse(stream.body().contains("\n20,"), stream.body());
        assertTrue(log().contains("FailingReport URL: GET /?rows=40: the function failed part-way: "), log());
    }

    @Test
    void aBufferedFunctionUrlGetsTheFunctionUrlEventAndAnswersAsLambdaDoes() throws Exception {
        Curl.Reply reply = Curl.run("-H", "Cookie: a=1", url("TestEcho") + "/some/path?x=1&x=2");
        assertEquals(200, reply.status(), reply + "\n" + log());
        assertEquals("application/json", reply.header("Content-Type"));
        assertTrue(reply.header("x-amzn-RequestId") != null, reply.headers());
        JsonNode event = JSON.readTree(reply.body());
        assertEquals("2.0", event.path("version").asText());
        assertEquals("$default", event.path("routeKey").asText());
        assertEquals("/some/path", event.path("rawPath").asText());
        assertEquals("x=1&x=2", event.path("rawQueryString").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("x").asText());
        assertEquals("[\"a=1\"]", event.path("cookies").toString());
        assertTrue(event.path("pathParameters").isMissingNode());
        JsonNode context = event.path("requestContext");
        assertEquals("$default", context.path("routeKey").asText());
        assertEquals("$default", context.path("stage").asText());
        assertEquals("anonymous", context.path("accountId").asText());
        assertEquals("127.0.0.1", context.path("domainName").asText());
        assertEquals("testecho", context.path("apiId").asText());
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("/some/path", context.path("http").path("path").asText());
        assertEquals(url("TestEcho").substring(url("TestEcho").lastIndexOf(':') + 1),
                event.path("headers").path("x-forwarded-port").asText());
        Curl.Reply badEscape = Curl.run(url("TestEcho") + "/%zz");
        assertEquals(400, badEscape.status());
        assertEquals("{\"Message\":\"Bad Request\"}", badEscape.body());

        Curl.Reply failed = Curl.run("-X", "POST", url("TestBroken") + "/");
        assertEquals(502, failed.status());
        assertEquals("Internal Server Error", failed.body());
        Path big = Files.createTempFile("big", ".bin");
        try {
            Files.write(big, new byte[FunctionUrlHandler.MAX_BODY_BYTES + 1]);
            Curl.Reply tooLarge = Curl.run("--data-binary", "@" + big, url("TestEcho") + "/");
            assertEquals(413, tooLarge.status());
            assertTrue(tooLarge.body().contains("Request must be smaller than 6291456 bytes"), tooLarge.body());
        } finally {
            Files.delete(big);
        }
        assertEquals(200, Curl.run(url("TestEcho") + "/again").status()); // and it still serves
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
        assertTrue(log().contains("GET /time/Europe/Dublin -> TimeService 200"), log());
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
        Curl.Reply reply = Curl.run(base + "/nowhere");
        assertEquals(403, reply.status());
        assertEquals("{\"message\": \"Missing Authentication Token\"}", reply.body());
        assertEquals("MissingAuthenticationTokenException", reply.header("x-amzn-ErrorType"));
        Curl.Reply badEscape = Curl.run(base + "/time/%zz");
        assertEquals(400, badEscape.status());
        assertEquals("{\"message\":\"Bad Request\"}", badEscape.body());
        assertEquals("application/json", badEscape.header("Content-Type"));
    }

    @Test
    void aFunctionErrorOrANonProxyResultIs502() throws Exception {
        HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(base + "/broken"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(502, failed.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", failed.body());
        assertTrue(log().contains("POST /broken: function TestBroken failed: "), log());

        HttpResponse<String> malformed = get("/not-a-proxy-response");
        assertEquals(502, malformed.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", malformed.body());
        assertTrue(log().contains("malformed Lambda proxy response from TestNotAProxyResponse"), log());
        // the front door and the functions still serve
        assertEquals(200, get("/time/Asia/Tokyo").statusCode());
    }

    @Test
    void theSampleRequestsOfTryGetTheirExpectedAnswers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<SampleRequests.Sample> samples = SampleRequests.read(Path.of(System.getProperty("apps.dir"),
                "api-requests.json"));
        int failed = SampleRequests.run(samples, base, api.functionUrls(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
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
            assertTrue(log().contains("GET /time/Mars/Olympus_Mons -> TimeService 400"), log());
        } finally {
            codePipeline.stop();
        }
    }
}
