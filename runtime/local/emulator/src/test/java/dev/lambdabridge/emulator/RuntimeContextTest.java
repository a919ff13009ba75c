package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdabridge.emulator.testing.Fakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime gets besides the event: the emulator's AWS credentials, profile and region, the
 * initialization type, and the metadata endpoint as Powertools reads it.
 */
class RuntimeContextTest {
    private static JsonNode invoke(Map<String, String> hostEnv, String mode, Map<String, String> functionEnv)
            throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { })
                .withHostEnv(hostEnv))) {
            emulator.addFunction(Fakes.function("ctx", mode).withEnv(functionEnv));
            InvokeResult result = emulator.invoke("ctx", InvokeRequest.of("{}"));
            assertFalse(result.isFunctionError(), result.payloadText());
            return TelemetrySubscription.JSON.readTree(result.payload());
        }
    }

    @Test
    void theEmulatorsCredentialsAndRegionReachTheFunction() throws Exception {
        Map<String, String> host = Map.of("AWS_ACCESS_KEY_ID", "AKIDLOCAL", "AWS_SECRET_ACCESS_KEY", "secret-local",
                "AWS_SESSION_TOKEN", "token-local", "AWS_DEFAULT_REGION", "eu-west-2", "PATH", "/usr/bin:/bin",
                "SOMETHING_ELSE", "not handed on");
        JsonNode env = invoke(host, "context", Map.of("FAKE_MODE", "context"));
        assertEquals("AKIDLOCAL", env.path("env.AWS_ACCESS_KEY_ID").asText());
        assertEquals("secret-local", env.path("env.AWS_SECRET_ACCESS_KEY").asText());
        assertEquals("token-local", env.path("env.AWS_SESSION_TOKEN").asText());
        assertEquals("eu-west-2", env.path("env.AWS_REGION").asText(), "AWS_DEFAULT_REGION of the emulator");
        assertEquals("eu-west-2", env.path("env.AWS_DEFAULT_REGION").asText());
        assertEquals("arn:aws:lambda:eu-west-2:012345678912:function:ctx",
                env.path("header.lambda-runtime-invoked-function-arn").asText());
        assertEquals("on-demand", env.path("env.AWS_LAMBDA_INITIALIZATION_TYPE").asText());
        assertTrue(env.path("env.AWS_PROFILE").isNull(), env.toString());
    }

    @Test
    void aProfileComesWithItsFilesAndTheFunctionsOwnVariablesWin(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = eu-central-1\n");
        Files.writeString(home.resolve(".aws/credentials"), "[dev]\naws_access_key_id = AKIDDEV\n");
        Map<String, String> host = Map.of("AWS_PROFILE", "dev", "HOME", home.toString(), "AWS_REGION", "eu-central-1");
        JsonNode env = invoke(host, "context", Map.of("FAKE_MODE", "context", "AWS_REGION", "ap-southeast-2"));
        assertEquals("dev", env.path("env.AWS_PROFILE").asText());
        assertEquals(home.resolve(".aws/config").toString(), env.path("env.AWS_CONFIG_FILE").asText());
        assertEquals(home.resolve(".aws/credentials").toString(), env.path("env.AWS_SHARED_CREDENTIALS_FILE").asText());
        assertTrue(env.path("env.AWS_ACCESS_KEY_ID").isNull(), "none set, none invented: " + env);
        assertEquals("ap-southeast-2", env.path("env.AWS_REGION").asText(), "the function's own AWS_REGION wins");
    }

    @Test
    void theMetadataEndpointAnswersItsSandboxsToken() throws Exception {
        JsonNode metadata = invoke(Map.of("AWS_REGION", "us-east-1"), "metadata", Map.of("FAKE_MODE", "metadata"));
        assertEquals("200", metadata.path("okStatus").asText(), metadata.toString());
        assertEquals("application/json", metadata.path("okContentType").asText());
        assertEquals("{\"AvailabilityZoneID\":\"use1-az1\"}", metadata.path("okBody").asText());
        assertEquals("401", metadata.path("noneStatus").asText());
        assertEquals("401", metadata.path("wrongStatus").asText());
        assertEquals("32", metadata.path("tokenLength").asText());
    }

    @Test
    void eachSandboxHasItsOwnToken() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }))) {
            emulator.addFunction(Fakes.function("a", "context"));
            emulator.addFunction(Fakes.function("b", "context"));
            assertNotEquals(emulator.runtimeApiPort("a"), emulator.runtimeApiPort("b"));
        }
        assertEquals("euw2-az1", MetadataApi.availabilityZoneId("eu-west-2"));
        assertEquals("apse2-az1", MetadataApi.availabilityZoneId("ap-southeast-2"));
        assertEquals("cac1-az1", MetadataApi.availabilityZoneId("ca-central-1"));
        assertEquals("apne1-az1", MetadataApi.availabilityZoneId("ap-northeast-1"));
        assertFalse(Ids.token().equals(Ids.token()));
    }
}
