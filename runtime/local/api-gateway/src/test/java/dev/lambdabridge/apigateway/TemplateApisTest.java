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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateApisTest {
    private static String describe(Route route) {
        return route.method() + " " + route.path() + " " + route.function() + " " + route.api().id() + "/"
                + route.api().stage() + " " + route.payloadFormat() + (route.cognito() ? " cognito" : "");
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
