package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.emulator.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each status code of the Runtime API. The child process only sleeps; the test itself plays the runtime over
 * a raw keep-alive socket.
 */
class RuntimeApiTest {
    private static final String INVOCATION = "/2018-06-01/runtime/invocation/";
    private Emulator emulator;
    private RawHttp runtime;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(FunctionConfig.of("manual", "h", Path.of("target"))
                .withCommand(List.of("sleep", "600")).withEnv(Map.of("AWS_REGION", "eu-west-1")));
        runtime = new RawHttp("127.0.0.1:" + emulator.runtimeApiPort("manual"));
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        emulator.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nextDeliversTheEventWithLambdasHeaders() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{\"k\":\"v\"}")
                .withClientContextJson("{\"custom\":{\"a\":\"b\"}}").withCognitoIdentity("{\"identityId\":\"id1\"}"));
        RawHttp.Reply next = runtime.get(INVOCATION + "next");
        assertEquals(200, next.status());
        assertEquals("{\"k\":\"v\"}", next.text());
        Map<String, String> headers = next.headers();
        String id = headers.get("lambda-runtime-aws-request-id");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        long deadline = Long.parseLong(headers.get("lambda-runtime-deadline-ms"));
        assertTrue(Math.abs(deadline - System.currentTimeMillis() - 3000) < 1000, "deadline " + deadline);
        assertEquals("arn:aws:lambda:eu-west-1:012345678912:function:manual",
                headers.get("lambda-runtime-invoked-function-arn"));
        assertTrue(headers.get("lambda-runtime-trace-id")
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"), headers.toString());
        assertEquals("{\"custom\":{\"a\":\"b\"}}", headers.get("lambda-runtime-client-context"));
        assertEquals("{\"identityId\":\"id1\"}", headers.get("lambda-runtime-cognito-identity"));
        assertEquals("application/json", headers.get("content-type"));

        assertEquals(202, runtime.post(INVOCATION + id + "/response", Map.of(), bytes("\"done\"")).status());
        assertEquals("\"done\"", result.get().payloadText());
    }

    @Test
    void responseStatusCodes() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{}"));
        String id = runtime.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");

        RawHttp.Reply wrongId = runtime.post(INVOCATION + "not-the-id/response", Map.of(), bytes("{}"));
        assertEquals(400, wrongId.status());
        assertTrue(wrongId.text().contains("\"errorType\":\"InvalidRequestID\"") && wrongId.text().contains("not-the-id"),
                wrongId.text());

        RawHttp.Reply ok = runtime.post(INVOCATION + id + "/response", Map.of(), bytes("{\"r\":1}"));
        assertEquals(202, ok.status());
        assertEquals("{\"status\":\"OK\"}", ok.text());
        assertEquals("{\"r\":1}", result.get().payloadText());

        RawHttp.Reply again = runtime.post(INVOCATION + id + "/response", Map.of(), bytes("{}"));
        assertEquals(403, again.status());
        assertTrue(again.text().contains("InvalidStateTransition") && again.text().contains(id), again.text());
        assertEquals(403, runtime.post(INVOCATION + id + "/error", Map.of(), bytes("{}")).status());
    }

    @Test
    void errorBecomesAnUnhandledFunctionError() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{}"));
        String id = runtime.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");
        String body = "{\"errorMessage\":\"bad\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}";
        RawHttp.Reply reply = runtime.post(INVOCATION + id + "/error",
                Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.UserException"), bytes(body));
        assertEquals(202, reply.status());
        assertEquals(body, result.get().payloadText());
        assertEquals("Unhandled", result.get().functionError());
    }

    @Test
    void oversizedResponseIs413AndTheConnectionSurvives() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{}"));
        String id = runtime.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");
        RawHttp.Reply tooLarge = runtime.post(INVOCATION + id + "/response", Map.of(),
                new byte[LambdaLimits.RESPONSE_PAYLOAD_BYTES + 1]);
        assertEquals(413, tooLarge.status());
        assertTrue(result.get().payloadText().contains("Function.ResponseSizeTooLarge"));
        assertEquals(403, runtime.post(INVOCATION + id + "/error", Map.of(), bytes("{}")).status());

        CompletableFuture<InvokeResult> second = emulator.invokeAsync("manual", InvokeRequest.of("[1]"));
        String id2 = runtime.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");
        RawHttp.Reply exact = runtime.post(INVOCATION + id2 + "/response", Map.of(),
                new byte[LambdaLimits.RESPONSE_PAYLOAD_BYTES]);
        assertEquals(202, exact.status(), "a response of exactly the limit is accepted");
        assertEquals(LambdaLimits.RESPONSE_PAYLOAD_BYTES, second.get().payload().length);
    }

    @Test
    void initErrorFailsTheColdInvocation() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{}"));
        String body = "{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"java.lang.ClassNotFoundException\"}";
        RawHttp.Reply reply = runtime.post("/2018-06-01/runtime/init/error",
                Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.BadFunctionCode"), bytes(body));
        assertEquals(202, reply.status());
        assertEquals(body, result.get().payloadText());
        assertEquals("Unhandled", result.get().functionError());
    }

    @Test
    void aStreamedResponseIsTheResultAndAnInvalidModeIs400() throws Exception {
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("manual", InvokeRequest.of("{}"));
        String id = runtime.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");
        RawHttp.Reply invalid = runtime.post(INVOCATION + id + "/response",
                Map.of("Lambda-Runtime-Function-Response-Mode", "sideways"), bytes("{}"));
        assertEquals(400, invalid.status());
        assertTrue(invalid.text().contains("sideways"), invalid.text());
        RawHttp.Reply streamed = runtime.post(INVOCATION + id + "/response",
                Map.of("Lambda-Runtime-Function-Response-Mode", "streaming", "Content-Type", "text/plain"),
                bytes("streamed body"));
        assertEquals(202, streamed.status());
        assertEquals("streamed body", result.get().payloadText(), "Emulator.invoke callers get the stream gathered");
        assertEquals(403, runtime.post(INVOCATION + id + "/response", Map.of(), bytes("{}")).status());
    }

    @Test
    void aStreamOverTwoHundredMegabytesIs413AndTheInvocationFails() throws Exception {
        // a timeout of its own: sending 200 MB takes seconds on a loaded machine
        emulator.addFunction(FunctionConfig.of("big", "h", Path.of("target")).withTimeout(java.time.Duration.ofSeconds(60))
                .withCommand(List.of("sleep", "600")));
        CompletableFuture<InvokeResult> result = emulator.invokeAsync("big", InvokeRequest.of("{}"));
        int port = emulator.runtimeApiPort("big");
        String id;
        try (RawHttp big = new RawHttp("127.0.0.1:" + port)) {
            id = big.get(INVOCATION + "next").headers().get("lambda-runtime-aws-request-id");
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + INVOCATION + id + "/response HTTP/1.1\r\nHost: x\r\n"
                    + "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 202; i++) {
                    out.write(head);
                    out.write(chunk);
                    out.write(new byte[] {'\r', '\n'});
                }
            } catch (java.io.IOException closedByTheEmulator) {
                // expected once the limit is passed: the emulator answers 413 and closes
            }
            String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
        InvokeResult failed = result.get();
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payloadText().contains("Function.ResponseSizeTooLarge"), failed.payloadText());
        assertTrue(failed.payloadText().contains("(209715200 bytes)"), failed.payloadText());
    }

    /** A refused request's body is read before the answer, so the runtime's keep-alive connection survives it. */
    @Test
    void refusedRequestsWithABodyKeepTheConnection() throws Exception {
        for (int i = 0; i < 200; i++) {
            assertEquals(405, runtime.post(INVOCATION + "next", Map.of(), bytes("{\"i\":" + i + "}")).status(),
                    "405 number " + i + " on one connection");
            assertEquals(404, runtime.post("/2018-06-01/runtime/nothing", Map.of(), bytes("{}")).status(),
                    "404 number " + i + " on one connection");
        }
    }

    @Test
    void unknownPathIs404WrongMethodIs405InjectedFaultIs500() throws Exception {
        assertEquals(404, runtime.get("/2018-06-01/runtime/nothing").status());
        assertEquals(404, runtime.get("/other").status());
        RawHttp.Reply wrongMethod = runtime.post(INVOCATION + "next", Map.of(), bytes("{}"));
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.headers().get("allow"));
        assertEquals(405, runtime.get(INVOCATION + "some-id/response").status());
        assertEquals(405, runtime.get("/2018-06-01/runtime/init/error").status());

        emulator.failNextRuntimeApiCallWith500("manual");
        RawHttp.Reply fault = runtime.get(INVOCATION + "next");
        assertEquals(500, fault.status());
        assertTrue(fault.text().contains("injected fault"), fault.text());
    }
}
