package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.apigateway.template.SamTemplate;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * samples/template.yaml read by the local API Gateway as scripts/serve-api reads it: its Api and HttpApi events,
 * function URLs, Globals and conditions. Beside the samples, since the gateway's own tests use only inline
 * templates.
 */
class SamplesTemplateTest {
    private static final Path SAMPLES_TEMPLATE = Path.of(System.getProperty("apps.dir"), "..", "template.yaml");

    private static TemplateApis samples(Map<String, String> overrides, List<String> warnings) throws Exception {
        return TemplateApis.of(SamTemplate.read(SAMPLES_TEMPLATE, overrides), Map.of("EXTRA", "1"), warnings::add);
    }

    private static String describe(Route route) {
        return route.method() + " " + route.path() + " " + route.function() + " " + route.api().id() + "/"
                + route.api().stage() + " " + route.payloadFormat() + (route.cognito() ? " cognito" : "");
    }

    @Test
    void theSampleTemplatesApiAndHttpApiEventsAreTheRoutes() throws Exception {
        List<String> warnings = new ArrayList<>();
        TemplateApis apis = samples(Map.of(), warnings);
        assertEquals(List.of(
                "ANY /echo/v1/{proxy+} ApiEventEcho AppsApi/Prod 1.0",
                "ANY /echo/v2/{proxy+} ApiEventEcho ServerlessHttpApi/$default 2.0",
                "ANY /echo/http-v1/{proxy+} ApiEventEcho ServerlessHttpApi/$default 1.0",
                "GET /time TimeService AppsApi/Prod 1.0",
                "GET /time/{timeZone+} TimeService AppsApi/Prod 1.0",
                "ANY /hello CognitoProxy AppsApi/Prod 1.0 cognito",
                "ANY /hello/{proxy+} CognitoProxy AppsApi/Prod 1.0 cognito",
                "POST /saml SamlFederation AppsApi/Prod 1.0"),
                apis.routes().stream().map(SamplesTemplateTest::describe).toList());
        assertEquals(List.of(), warnings);
        assertEquals("CsvReport RESPONSE_STREAM AWS_IAM, FailingReport RESPONSE_STREAM AWS_IAM",
                apis.functionUrls().stream().map(u -> u.function() + " " + u.config().invokeMode() + " "
                        + u.config().authType()).collect(Collectors.joining(", ")));
        Map<String, FunctionConfig> functions = apis.functions().stream()
                .collect(Collectors.toMap(FunctionConfig::name, f -> f));
        assertEquals(List.of("ApiEventEcho", "CsvReport", "FailingReport", "TimeService", "CognitoProxy",
                "SamlFederation"), apis.functions().stream().map(FunctionConfig::name).toList());
        FunctionConfig time = functions.get("TimeService");
        assertEquals("example.apps.time.TimeHandler::handleRequest", time.handler());
        assertEquals(SAMPLES_TEMPLATE.getParent().resolve("apps/time-service/target/function").normalize()
                .toAbsolutePath(), time.codeDir());
        assertEquals(Duration.ofSeconds(10), time.timeout()); // Globals
        assertEquals(512, time.memoryMb());
        assertEquals(Duration.ofSeconds(60), functions.get("CsvReport").timeout()); // its own over Globals
        assertEquals("1", time.env().get("EXTRA"));
    }

    @Test
    void aConditionOfTheParametersAddsTheImplicitRestApi() throws Exception {
        TemplateApis apis = samples(Map.of("ApprovalSenderEmail", "boss@example.com"), new ArrayList<>());
        List<String> approval = apis.routes().stream().filter(r -> r.function().equals("ManualApprovalApi"))
                .map(SamplesTemplateTest::describe).toList();
        assertEquals(List.of("GET /succeed ManualApprovalApi ServerlessRestApi/Prod 1.0",
                "GET /fail ManualApprovalApi ServerlessRestApi/Prod 1.0"), approval);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> samples(Map.of("NoSuch", "x"), List.of()))
                .getMessage().contains("has no such parameter"));
    }
}
