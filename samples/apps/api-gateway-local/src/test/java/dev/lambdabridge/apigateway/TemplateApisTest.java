package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.apigateway.template.SamFunction;
import dev.lambdabridge.apigateway.template.SamTemplate;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateApisTest {
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
                apis.routes().stream().map(TemplateApisTest::describe).toList());
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
                .map(TemplateApisTest::describe).toList();
        assertEquals(List.of("GET /succeed ManualApprovalApi ServerlessRestApi/Prod 1.0",
                "GET /fail ManualApprovalApi ServerlessRestApi/Prod 1.0"), approval);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> samples(Map.of("NoSuch", "x"), List.of()))
                .getMessage().contains("has no such parameter"));
    }

    private static TemplateApis inline(Path dir, String resources) throws Exception {
        Files.createDirectories(dir.resolve("code"));
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Flag: {Type: String, Default: 'on'}
                Conditions:
                  IsOn: !Equals [!Ref Flag, 'on']
                  IsOff: !Not [!Condition IsOn]
                Globals:
                  Function:
                    Runtime: provided.al2023
                    Timeout: 7
                    Environment: {Variables: {FROM_GLOBALS: g, SHARED: globals}}
                Resources:
                """ + resources);
        return TemplateApis.of(SamTemplate.read(file, Map.of()), Map.of(), w -> { });
    }

    @Test
    void intrinsicsGlobalsAndTheDefaultRouteResolve(@TempDir Path dir) throws Exception {
        TemplateApis apis = inline(dir, """
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties: {StageName: !Sub '${Stage}-v2'}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: code
                      Handler: !Join ['::', [example.Handler, handleRequest]]
                      MemorySize: !If [IsOn, 256, 1024]
                      Environment:
                        Variables:
                          SHARED: own
                          URL: !Sub 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}'
                          PICK: !Select [1, [a, b, c]]
                          GONE: !If [IsOff, x, !Ref AWS::NoValue]
                      Events:
                        Catchall: {Type: HttpApi, Properties: {ApiId: !Ref Api}}
                      FunctionUrlConfig: {AuthType: NONE}
                  Skipped:
                    Type: AWS::Serverless::Function
                    Condition: IsOff
                    Properties: {CodeUri: nowhere, Handler: x, Events: {E: {Type: HttpApi}}}
                  NotOverHttp:
                    # neither read nor resolved: no Api/HttpApi event, no function URL
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageUri: !ImportValue images-stack-uri
                      Policies: [!ImportValue policy-stack-arn]
                      Events: {Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}}
                """);
        assertEquals(List.of("ANY $default Fn Api/dev-v2 2.0"), apis.routes().stream()
                .map(TemplateApisTest::describe).toList());
        FunctionConfig fn = apis.functions().getFirst();
        assertEquals("example.Handler::handleRequest", fn.handler());
        assertEquals(256, fn.memoryMb());
        assertEquals(Duration.ofSeconds(7), fn.timeout());
        assertEquals(Map.of("FROM_GLOBALS", "g", "SHARED", "own", "URL", "https://Api.execute-api."
                + (System.getenv("AWS_REGION") == null ? "us-east-1" : System.getenv("AWS_REGION"))
                + ".amazonaws.com/dev", "PICK", "b"), fn.env());
        assertEquals(SamFunction.InvokeMode.BUFFERED, apis.functionUrls().getFirst().config().invokeMode());
    }

    @Test
    void whatCannotBeServedIsNamed(@TempDir Path dir) {
        String python = assertThrows(IllegalArgumentException.class, () -> inline(dir, """
                  Py:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: code, Handler: app.handler, Runtime: python3.12, Events: {E: {Type: HttpApi}}}
                """)).getMessage();
        assertTrue(python.contains("function Py has Runtime python3.12"), python);
        String format = assertThrows(IllegalArgumentException.class, () -> inline(dir, """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: code
                      Handler: x
                      Events: {E: {Type: HttpApi, Properties: {Path: /a, Method: get, PayloadFormatVersion: '3.0'}}}
                """)).getMessage();
        assertTrue(format.contains("PayloadFormatVersion must be \"1.0\" or \"2.0\", got \"3.0\""), format);
        String missing = assertThrows(IllegalArgumentException.class, () -> inline(dir, """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: not-built, Handler: x, FunctionUrlConfig: {AuthType: NONE}}
                """)).getMessage();
        assertTrue(missing.contains("is not a directory"), missing);
        String unknown = assertThrows(IllegalArgumentException.class, () -> inline(dir, """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: code
                      Handler: x
                      Environment: {Variables: {A: !ImportValue other-stack-output}}
                      FunctionUrlConfig: {AuthType: NONE}
                """)).getMessage();
        assertTrue(unknown.contains("uses Fn::ImportValue"), unknown);
        assertFalse(unknown.isBlank());
    }
}
