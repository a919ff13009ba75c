package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.Fakes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Invoke API over HTTP, as curl (java.net.http) and the AWS SDK v2 LambdaClient call it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvokeApiTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Emulator emulator;
    private LambdaClient lambda;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(lines::add));
        emulator.addFunction(Fakes.function("echo", "echo"));
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(emulator.invokeEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    void stop() {
        lambda.close();
        emulator.close();
    }

    private HttpResponse<String> post(String function, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                + "/2015-03-31/functions/" + function + "/invocations")).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestResponseWithTail() throws Exception {
        HttpResponse<String> response = post("echo", "{\"mode\":\"print\",\"a\":1}", "X-Amz-Log-Type", "Tail");
        assertEquals(200, response.statusCode());
        assertEquals("{\"mode\":\"print\",\"a\":1}", response.body());
        assertEquals("$LATEST", response.headers().firstValue("X-Amz-Executed-Version").orElseThrow());
        String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        String tail = new String(Base64.getDecoder().decode(response.headers().firstValue("X-Amz-Log-Result")
                .orElseThrow()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("START RequestId: " + id + " Version: $LATEST\n"), tail);
        assertTrue(tail.contains("stdout line for " + id), tail);
        assertTrue(tail.contains("END RequestId: " + id + "\nREPORT RequestId: " + id + "\tDuration: "), tail);
        assertTrue(response.headers().firstValue("X-Amz-Function-Error").isEmpty());
    }

    @Test
    void functionErrorIs200WithHeader() throws Exception {
        HttpResponse<String> response = post("echo", "{\"mode\":\"error\"}");
        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElseThrow());
        assertTrue(response.body().contains("FakeError"), response.body());
    }

    @Test
    void eventIs202AndStillRuns() throws Exception {
        HttpResponse<String> response = post("echo", "{\"event\":1}", "X-Amz-Invocation-Type", "Event");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
        String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        long deadline = System.currentTimeMillis() + 10_000;
        while (lines.stream().noneMatch(l -> l.startsWith("REPORT RequestId: " + id))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("REPORT RequestId: " + id)), String.join("\n", lines));
    }

    @Test
    void dryRunIs204() throws Exception {
        assertEquals(204, post("echo", "{}", "X-Amz-Invocation-Type", "DryRun").statusCode());
    }

    @Test
    void invalidJsonIs400InvalidRequestContent() throws Exception {
        HttpResponse<String> response = post("echo", "{\"a\":");
        assertEquals(400, response.statusCode());
        assertEquals("InvalidRequestContentException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(response.body().startsWith("{\"Type\":\"User\",\"message\":\"Could not parse request body into json: "),
                response.body());
        assertTrue(response.body().contains("line 1, column"), response.body());
        assertEquals(400, post("echo", "{} {}").statusCode(), "two documents");
        assertEquals(400, post("echo", "hello").statusCode());
    }

    @Test
    void emptyBodyIsEmptyObject() throws Exception {
        assertEquals("{}", post("echo", "").body());
    }

    @Test
    void unknownFunctionIs404() throws Exception {
        HttpResponse<String> response = post("nope", "{}");
        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"Type\":\"User\",\"message\":\"Function not found: "
                + "arn:aws:lambda:us-east-1:012345678912:function:nope\"}", response.body());
    }

    @Test
    void tooLargeIs413RequestEntityTooLargeWithLambdasMessages() throws Exception {
        HttpResponse<String> sync = post("echo", "\"" + "a".repeat(LambdaLimits.SYNC_PAYLOAD_BYTES) + "\"");
        assertEquals(413, sync.statusCode());
        assertEquals("RequestEntityTooLargeException", sync.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"Type\":\"User\",\"message\":\"Request must be smaller than 6291456 bytes for the "
                + "InvokeFunction operation\"}", sync.body());
        HttpResponse<String> event = post("echo", "\"" + "a".repeat(LambdaLimits.EVENT_PAYLOAD_BYTES) + "\"",
                "X-Amz-Invocation-Type", "Event");
        assertEquals(413, event.statusCode());
        assertEquals("RequestEntityTooLargeException", event.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"Type\":\"User\",\"message\":\"1048578 byte payload is too large for the Event "
                + "invocation type (limit 1048576 bytes)\"}", event.body());
        assertEquals(200, post("echo", "{\"after\":true}").statusCode());
    }

    @Test
    void eventTakesUpToOneMegabyte() throws Exception {
        assertEquals(1_048_576, LambdaLimits.EVENT_PAYLOAD_BYTES);
        String overTheOld256Kb = "\"" + "a".repeat(LambdaLimits.EVENT_PAYLOAD_BYTES - 2) + "\"";
        assertEquals(202, post("echo", overTheOld256Kb, "X-Amz-Invocation-Type", "Event").statusCode());
    }

    @Test
    void eventAndDryRunAnswersCarryOnlyTheRequestId() throws Exception {
        for (String type : List.of("Event", "DryRun")) {
            HttpResponse<String> response = post("echo", "{}", "X-Amz-Invocation-Type", type, "X-Amz-Log-Type", "Tail");
            assertEquals(type.equals("Event") ? 202 : 204, response.statusCode());
            assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent(), type);
            for (String absent : List.of("X-Amz-Executed-Version", "X-Amz-Function-Error", "X-Amz-Log-Result",
                    "Content-Type", "x-amzn-ErrorType")) {
                assertTrue(response.headers().firstValue(absent).isEmpty(), type + " carries " + absent + ": "
                        + response.headers().map());
            }
            assertEquals("", response.body());
        }
    }

    @Test
    void unknownQualifiersAre404NamingTheQualifiedArn() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:012345678912:function:echo";
        for (String name : List.of("echo:nosuchalias", arn + ":nosuchalias")) {
            HttpResponse<String> response = post(name, "{}");
            assertEquals(404, response.statusCode(), name);
            assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            assertEquals("{\"Type\":\"User\",\"message\":\"Function not found: " + arn + ":nosuchalias\"}",
                    response.body());
        }
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                        + "/2015-03-31/functions/echo/invocations?Qualifier=nosuchalias"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, query.statusCode());
        assertEquals("{\"Type\":\"User\",\"message\":\"Function not found: " + arn + ":nosuchalias\"}", query.body());
        HttpResponse<String> version = post("echo:7", "{}");
        assertTrue(version.body().contains("Function not found: " + arn + ":7"), "no published versions: " + version.body());
        assertEquals("{\"n\":5}", post("echo:$LATEST", "{\"n\":5}").body());
        assertEquals("{\"n\":6}", post(arn + ":$LATEST", "{\"n\":6}").body());
        HttpResponse<String> conflict = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                        + "/2015-03-31/functions/echo:$LATEST/invocations?Qualifier=prod"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, conflict.statusCode());
        assertEquals("InvalidParameterValueException", conflict.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        HttpResponse<String> unknown = post("nope:prod", "{}");
        assertEquals("{\"Type\":\"User\",\"message\":\"Function not found: "
                + "arn:aws:lambda:us-east-1:012345678912:function:nope:prod\"}", unknown.body());
    }

    @Test
    void unknownInvocationTypeIs400NamingIt() throws Exception {
        HttpResponse<String> response = post("echo", "{}", "X-Amz-Invocation-Type", "Sometimes");
        assertEquals(400, response.statusCode());
        assertEquals("InvalidParameterValueException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(response.body().contains("Sometimes"), response.body());
    }

    @Test
    void arnQualifierAndRieNames() throws Exception {
        assertEquals("{\"n\":1}", post("arn:aws:lambda:us-east-1:012345678912:function:echo", "{\"n\":1}").body());
        assertEquals("{\"n\":2}", post("echo", "{\"n\":2}").body());
        HttpResponse<String> qualified = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                        + "/2015-03-31/functions/echo/invocations?Qualifier=$LATEST"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"n\":3}", qualified.body());
        assertEquals("{\"n\":4}", post("function", "{\"n\":4}").body(), "AWS's emulator path, one function hosted");
    }

    @Test
    void clientContextAndCognitoReachTheRuntime() throws Exception {
        String context = Base64.getEncoder().encodeToString("{\"client\":{\"app\":\"x\"}}".getBytes());
        HttpResponse<String> response = post("echo", "{\"mode\":\"context\"}", "X-Amz-Client-Context", context,
                "X-LambdaBridge-Cognito-Identity", "{\"identityId\":\"abc\"}");
        assertTrue(response.body().contains("\"header.lambda-runtime-client-context\":\"{\\\"client\\\":{\\\"app\\\":\\\"x\\\"}}\""),
                response.body());
        assertTrue(response.body().contains("\"header.lambda-runtime-cognito-identity\":\"{\\\"identityId\\\":\\\"abc\\\"}\""),
                response.body());
        assertTrue(response.body().contains("\"env.AWS_LAMBDA_FUNCTION_NAME\":\"echo\""), response.body());
        assertTrue(response.body().contains("\"env.AWS_LAMBDA_LOG_GROUP_NAME\":\"/aws/lambda/echo\""), response.body());
        assertTrue(response.body().matches(".*\"env.AWS_LAMBDA_LOG_STREAM_NAME\":\"\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}\".*"),
                response.body());
        assertTrue(response.body().contains("\"env.TZ\":\":UTC\""), response.body());
        assertTrue(response.body().contains("\"env.AWS_LAMBDA_FUNCTION_TIMEOUT\":\"3\""), response.body());
    }

    @Test
    void sdkInvokeWithTail() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").logType("Tail")
                .payload(SdkBytes.fromUtf8String("{\"sdk\":true}")));
        assertEquals(200, response.statusCode());
        assertEquals("{\"sdk\":true}", response.payload().asUtf8String());
        assertEquals("$LATEST", response.executedVersion());
        assertNull(response.functionError());
        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("REPORT RequestId: "), tail);
    }

    @Test
    void sdkMapsErrorTypes() {
        InvalidRequestContentException invalid = assertThrows(InvalidRequestContentException.class,
                () -> lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("not json"))));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.getMessage().contains("Could not parse request body into json"), invalid.getMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> lambda.invoke(b -> b.functionName("missing").payload(SdkBytes.fromUtf8String("{}"))));
        LambdaException tooLarge = assertThrows(LambdaException.class, () -> lambda.invoke(b -> b.functionName("echo")
                .payload(SdkBytes.fromUtf8String("\"" + "a".repeat(LambdaLimits.SYNC_PAYLOAD_BYTES) + "\""))));
        assertEquals(413, tooLarge.statusCode());
        assertEquals("RequestEntityTooLargeException", tooLarge.awsErrorDetails().errorCode());
        assertEquals("Request must be smaller than 6291456 bytes for the InvokeFunction operation",
                tooLarge.awsErrorDetails().errorMessage());
        ResourceNotFoundException alias = assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b -> b
                .functionName("echo").qualifier("nosuchalias").payload(SdkBytes.fromUtf8String("{}"))));
        assertEquals("Function not found: arn:aws:lambda:us-east-1:012345678912:function:echo:nosuchalias",
                alias.awsErrorDetails().errorMessage());
        InvokeResponse failed = lambda.invoke(b -> b.functionName("echo")
                .payload(SdkBytes.fromUtf8String("{\"mode\":\"error\"}")));
        assertEquals("Unhandled", failed.functionError());
    }

    @Test
    void sdkEventAndDryRun() {
        InvokeResponse event = lambda.invoke(b -> b.functionName("echo").invocationType("Event")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(202, event.statusCode());
        assertNull(event.executedVersion());
        InvokeResponse dryRun = lambda.invoke(b -> b.functionName("echo").invocationType("DryRun")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(204, dryRun.statusCode());
        assertNull(dryRun.executedVersion());
    }
}
