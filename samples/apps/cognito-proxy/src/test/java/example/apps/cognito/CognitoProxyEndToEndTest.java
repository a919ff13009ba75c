package example.apps.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.apps.testing.EventFiles;
import example.apps.testing.HostedFunctions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Cognito proxy through the emulator and the runtime's real bootstrap, with API Gateway-shaped events. */
@Tag("slow")
class CognitoProxyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HostedFunctions functions;

    @BeforeAll
    static void start() {
        functions = HostedFunctions.start().add("cognito-proxy",
                "example.apps.cognito.CognitoProxyHandler::handleRequest", Map.of());
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
    }

    private static JsonNode invoke(String event, int expectedStatus) throws Exception {
        JsonNode response = functions.invokeOk("cognito-proxy", EventFiles.moduleEvent(event));
        assertEquals(expectedStatus, response.path("statusCode").asInt(), response.toString());
        assertEquals("*", response.path("headers").path("Access-Control-Allow-Origin").asText(), response.toString());
        return JSON.readTree(response.path("body").asText());
    }

    @Test
    void aSignedInUserIsGreetedAndTheRequestEchoed() throws Exception {
        JsonNode body = invoke("cognito-post.json", 200);
        assertEquals("Hello, Ada Lovelace! You sent a POST request.", body.path("message").asText());
        assertEquals("{\"order\": 7, \"item\": \"analytical engine\"}", body.path("body").asText());
        assertTrue(functions.log().stream().anyMatch(l -> l.startsWith("greeted Ada Lovelace (POST")),
                functions.logText());
    }

    @Test
    void noAuthorizerIs401AndMissingNamesAre400() throws Exception {
        assertTrue(invoke("cognito-no-authorizer.json", 401).path("message").asText().startsWith("Unauthorized"));
        assertTrue(invoke("cognito-no-family-name.json", 400).path("message").asText()
                .startsWith("The user's token has no family_name claim"));
    }
}
