package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdabridge.emulator.testing.Fakes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** ListFunctions, GetFunction and GetFunctionConfiguration, as the AWS SDK v2 and curl call them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionReadApiTest {
    private Emulator emulator;
    private LambdaClient lambda;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        for (String name : List.of("charlie", "alpha", "bravo")) {
            emulator.addFunction(Fakes.function(name, "echo"));
        }
        emulator.addFunction(Fakes.function("delta", "echo").withTimeout(Duration.ofMillis(1500)).withMemoryMb(1024)
                .withEnv(Map.of("FAKE_MODE", "echo", "AWS_LAMBDA_LOG_FORMAT", "JSON")));
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

    @Test
    void listFunctionsPagesByMarkerAndMaxItems() {
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListFunctionsResponse page = lambda.listFunctions(b -> b.maxItems(3).marker(from));
            page.functions().forEach(f -> names.add(f.functionName()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertEquals(List.of("alpha", "bravo", "charlie", "delta"), names);
        assertEquals(2, pages);
        List<String> paginated = new ArrayList<>();
        lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions().forEach(f -> paginated.add(f.functionName()));
        assertEquals(names, paginated, "the SDK's paginator follows NextMarker");
        assertNull(lambda.listFunctions().nextMarker(), "50 a page by default: one page");
    }

    @Test
    void theConfigurationHasLambdasShape() {
        var delta = lambda.getFunctionConfiguration(b -> b.functionName("delta"));
        assertEquals("delta", delta.functionName());
        assertEquals("arn:aws:lambda:us-east-1:012345678912:function:delta", delta.functionArn());
        assertEquals("fake.Handler::handle", delta.handler());
        assertEquals("provided.al2023", delta.runtimeAsString());
        assertEquals(2, delta.timeout(), "1.5 s is configured as 2 whole seconds");
        assertEquals(1024, delta.memorySize());
        assertEquals("$LATEST", delta.version());
        assertEquals("Active", delta.stateAsString());
        assertEquals("Zip", delta.packageTypeAsString());
        assertEquals("JSON", delta.loggingConfig().logFormatAsString());
        assertEquals("/aws/lambda/delta", delta.loggingConfig().logGroup());
        assertEquals(Map.of("FAKE_MODE", "echo", "AWS_LAMBDA_LOG_FORMAT", "JSON"), delta.environment().variables());
        assertTrue(delta.codeSize() > 0, "the code directory's bytes: " + delta.codeSize());
        assertTrue(delta.lastModified().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000"),
                delta.lastModified());

        GetFunctionResponse function = lambda.getFunction(b -> b.functionName("delta"));
        FunctionConfiguration configuration = function.configuration();
        assertEquals(List.of(delta.functionArn(), delta.revisionId(), delta.lastModified(), delta.codeSize()),
                List.of(configuration.functionArn(), configuration.revisionId(), configuration.lastModified(),
                        configuration.codeSize()));
        assertEquals("Local", function.code().repositoryType());
        assertTrue(function.code().location().startsWith("file:/"), function.code().location());
        assertEquals(delta.revisionId(), lambda.getFunctionConfiguration(b -> b.functionName("delta")
                .qualifier("$LATEST")).revisionId());
        assertEquals(configuration, lambda.getFunction(b -> b.functionName(delta.functionArn())).configuration());
    }

    @Test
    void unknownFunctionsQualifiersAndBadPagingAreRefused() {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunction(b -> b.functionName("nope")));
        assertEquals("Function not found: arn:aws:lambda:us-east-1:012345678912:function:nope",
                missing.awsErrorDetails().errorMessage());
        ResourceNotFoundException alias = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunctionConfiguration(b -> b.functionName("alpha").qualifier("nosuchalias")));
        assertEquals("Function not found: arn:aws:lambda:us-east-1:012345678912:function:alpha:nosuchalias",
                alias.awsErrorDetails().errorMessage());
        InvalidParameterValueException marker = assertThrows(InvalidParameterValueException.class,
                () -> lambda.listFunctions(b -> b.marker("not-a-marker")));
        assertTrue(marker.getMessage().contains("not-a-marker"), marker.getMessage());
    }

    @Test
    void curlGetsTheSameJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                + "/2015-03-31/functions/?MaxItems=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode page = TelemetrySubscription.JSON.readTree(response.body());
        assertEquals(2, page.path("Functions").size());
        assertEquals("alpha", page.path("Functions").path(0).path("FunctionName").asText());
        assertTrue(page.path("NextMarker").isTextual(), response.body());
        HttpResponse<String> zero = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                + "/2015-03-31/functions/?MaxItems=0")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, zero.statusCode());
        assertEquals("InvalidParameterValueException", zero.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(emulator.invokeEndpoint()
                + "/2015-03-31/functions/alpha/policy")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertEquals("UnknownOperationException", unknown.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }
}
