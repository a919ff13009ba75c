package example.apps.saml;

import static example.apps.saml.SamlDocuments.AUDITOR;
import static example.apps.saml.SamlDocuments.DEVELOPER;
import static example.apps.saml.SamlDocuments.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import example.apps.testing.EventFiles;
import example.apps.testing.HostedFunctions;
import example.apps.testing.WireMockServers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SAML backend through the emulator and the runtime's real bootstrap. STS is WireMock (no emulator exists for
 * it; see {@link StsStubs}); each test checks the AssumeRoleWithSAML request STS received (RoleArn, PrincipalArn,
 * SAMLAssertion), or that none was sent. The function gets no AWS credentials: AssumeRoleWithSAML is unsigned.
 */
@Tag("slow")
class SamlFederationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer sts;
    private static HostedFunctions functions;

    @BeforeAll
    static void start() {
        sts = WireMockServers.start();
        functions = HostedFunctions.start().add("saml", "example.apps.saml.SamlFederationHandler::handleRequest",
                Map.of("AWS_ENDPOINT_URL_STS", sts.baseUrl(), "AWS_REGION", "us-east-1"));
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
        if (sts != null) {
            sts.stop();
        }
    }

    @BeforeEach
    void reset() {
        sts.resetAll();
    }

    private static String event(String body, String role) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(EventFiles.moduleEvent("saml-post.json"));
        event.put("body", body);
        if (role != null) {
            event.putObject("queryStringParameters").put("role", role);
        }
        return event.toString();
    }

    private static JsonNode post(String event, int expectedStatus) throws IOException {
        JsonNode response = functions.invokeOk("saml", event);
        assertEquals(expectedStatus, response.path("statusCode").asInt(), response + "\n" + functions.logText());
        return JSON.readTree(response.path("body").asText());
    }

    private static String field(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void theSampleEventGetsTemporaryCredentialsFromTheAssertionsRole() throws Exception {
        sts.stubFor(StsStubs.assumeRoleWithSaml().willReturn(StsStubs.credentials(DEVELOPER)));
        String event = EventFiles.moduleEvent("saml-post.json");
        JsonNode body = post(event, 200);
        assertEquals(StsStubs.ACCESS_KEY, body.path("accessKeyId").asText());
        assertEquals(StsStubs.SECRET_KEY, body.path("secretAccessKey").asText());
        assertEquals(StsStubs.SESSION_TOKEN, body.path("sessionToken").asText());
        assertEquals("2026-11-27T16:00:00Z", body.path("expiration").asText());
        assertEquals("ada@example.com", body.path("subject").asText());

        List<LoggedRequest> calls = StsStubs.received(sts);
        assertEquals(1, calls.size());
        assertEquals(DEVELOPER, field(calls.getFirst(), "RoleArn"));
        assertEquals(PROVIDER, field(calls.getFirst(), "PrincipalArn"));
        String posted = URLDecoder.decode(JSON.readTree(event).path("body").asText().split("&")[0]
                .substring("SAMLResponse=".length()), StandardCharsets.UTF_8);
        assertEquals(posted, field(calls.getFirst(), "SAMLAssertion"));
        assertEquals("2011-06-15", field(calls.getFirst(), "Version"));
        assertFalse(functions.logText().contains(StsStubs.SECRET_KEY), "credentials must not be logged");
    }

    @Test
    void theRequestedRoleIsTheOneAssumed() throws Exception {
        sts.stubFor(StsStubs.assumeRoleWithSaml().willReturn(StsStubs.credentials(AUDITOR)));
        String xml = SamlDocuments.response(DEVELOPER + "," + PROVIDER, PROVIDER + "," + AUDITOR);
        post(event(SamlDocuments.form(xml), AUDITOR), 200);
        LoggedRequest call = StsStubs.received(sts).getFirst();
        assertEquals(AUDITOR, field(call, "RoleArn"));
        assertEquals(PROVIDER, field(call, "PrincipalArn"));
        assertEquals(SamlDocuments.base64(xml), field(call, "SAMLAssertion"));
    }

    @Test
    void stsRefusingTheAssertionIs403WithItsCode() throws Exception {
        sts.stubFor(StsStubs.assumeRoleWithSaml().willReturn(StsStubs.error(400, "Sender", "ExpiredTokenException",
                "Token is expired")));
        JsonNode body = post(EventFiles.moduleEvent("saml-post.json"), 403);
        assertEquals("STS refused the SAML assertion: ExpiredTokenException: Token is expired",
                body.path("message").asText());
        assertEquals(1, StsStubs.received(sts).size());
    }

    @Test
    void throttlingIsRetriedThen429() throws Exception {
        sts.stubFor(StsStubs.assumeRoleWithSaml().willReturn(StsStubs.error(400, "Sender", "Throttling",
                "Rate exceeded")));
        JsonNode body = post(EventFiles.moduleEvent("saml-post.json"), 429);
        assertTrue(body.path("message").asText().startsWith("STS is throttling AssumeRoleWithSAML (Throttling: "
                + "Rate exceeded)"), body.toString());
        List<LoggedRequest> calls = StsStubs.received(sts);
        assertEquals(4, calls.size(), "the SDK's default (legacy) retry mode: the call and 3 retries");
        calls.forEach(call -> assertEquals(DEVELOPER, field(call, "RoleArn")));
    }

    @Test
    void stsFailingIs502() throws Exception {
        sts.stubFor(StsStubs.assumeRoleWithSaml().willReturn(StsStubs.error(503, "Receiver", "ServiceUnavailable",
                "Service is unavailable")));
        JsonNode body = post(EventFiles.moduleEvent("saml-post.json"), 502);
        assertTrue(body.path("message").asText().startsWith("STS failed (503 ServiceUnavailable"), body.toString());
    }

    @Test
    void hostileOrBrokenPostsAre400AndNeverReachSts() throws Exception {
        assertTrue(post(EventFiles.moduleEvent("saml-xxe.json"), 400).path("message").asText()
                .startsWith("the SAML response carries a DTD"));
        assertTrue(post(event("SAMLResponse=%%%", null), 400).path("message").asText()
                .startsWith("the body is not application/x-www-form-urlencoded"));
        assertTrue(post(event("SAMLResponse=not*base64", null), 400).path("message").asText()
                .startsWith("SAMLResponse is not valid base64"));
        assertTrue(post(event(SamlDocuments.form(SamlDocuments.response()), null), 400).path("message").asText()
                .startsWith("the SAML response grants no role"));
        assertTrue(post(event(SamlDocuments.form(SamlDocuments.response(DEVELOPER + "," + PROVIDER)),
                AUDITOR), 400).path("message").asText().startsWith("the requested role '" + AUDITOR + "'"));
        assertTrue(sts.getAllServeEvents().isEmpty(), "nothing reached STS");
    }
}
