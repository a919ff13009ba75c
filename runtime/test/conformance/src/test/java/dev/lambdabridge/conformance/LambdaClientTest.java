package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS SDK v2 LambdaClient, pointed at the emulator, invoking a function that lambda-bridge runs. */
@Tag("slow")
class LambdaClientTest {
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        TestFunction.prepare(List.of());
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(FunctionConfig.of("hello", "example.conformance.Hello", Runtimes.FUNCTION)
                .withCommand(Runtimes.BRIDGE.command(null)));
        emulator.addFunction(FunctionConfig.of("failing", "example.conformance.Failing", Runtimes.FUNCTION)
                .withCommand(Runtimes.BRIDGE.command(null)));
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(emulator.invokeEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        emulator.close();
    }

    @Test
    void invokeReturnsThePayloadAndTheLogTail() {
        InvokeResponse response = lambda.invoke(r -> r.functionName("hello").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"sdk\"}")));
        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("{\"greeting\":\"hello sdk\",\"length\":9}", response.payload().asUtf8String());
        assertEquals("$LATEST", response.executedVersion());
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertTrue(log.contains("START RequestId: ") && log.contains("END RequestId: ") && log.contains("REPORT RequestId: "), log);
    }

    @Test
    void functionErrorComesBackAsUnhandled() {
        InvokeResponse response = lambda.invoke(r -> r.functionName("failing")
                .payload(SdkBytes.fromUtf8String("{\"amount\":\"x\"}")));
        assertEquals("Unhandled", response.functionError());
        assertTrue(response.payload().asUtf8String().contains("\"errorMessage\":\"amount is not a number: x\""));
    }

    @Test
    void eventAndDryRunInvocations() {
        assertEquals(202, lambda.invoke(r -> r.functionName("hello").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}"))).statusCode());
        assertEquals(204, lambda.invoke(r -> r.functionName("hello").invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String("{}"))).statusCode());
    }

    @Test
    void nonJsonPayloadIsTheSdksInvalidRequestContentException() {
        InvalidRequestContentException e = assertThrows(InvalidRequestContentException.class,
                () -> lambda.invoke(r -> r.functionName("hello").payload(SdkBytes.fromUtf8String("not json"))));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("Could not parse request body into json"), e.getMessage());
    }
}
