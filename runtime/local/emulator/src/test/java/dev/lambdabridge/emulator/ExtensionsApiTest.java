package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The Extensions and Telemetry APIs on a function's Runtime API port, played by this test over raw HTTP (the
 * "runtime" is {@code sleep}): registration, its errors, the gating of invocations on extensions, and
 * validation of telemetry subscriptions, answered with Lambda's status codes and error types.
 */
class ExtensionsApiTest {
    private static final String REGISTER = "/2020-01-01/extension/register";
    private static final String NEXT = "/2020-01-01/extension/event/next";
    private static final String TELEMETRY = "/2022-07-01/telemetry";
    private Emulator emulator;
    private String address;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { }));
        emulator.addFunction(FunctionConfig.of("manual", "h", Path.of("target")).withCommand(List.of("sleep", "600")));
        address = "127.0.0.1:" + emulator.runtimeApiPort("manual");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private RawHttp.Reply register(RawHttp http, String name, String body) throws Exception {
        return http.post(REGISTER, name == null ? Map.of() : Map.of("Lambda-Extension-Name", name), bytes(body));
    }

    @Test
    void registrationErrorsAreLambdasAndAGoodOneGetsAnIdentifier() throws Exception {
        emulator.invokeAsync("manual", InvokeRequest.of("{}")); // starts the environment; not delivered yet
        try (RawHttp http = new RawHttp(address)) {
            RawHttp.Reply noName = register(http, null, "{\"events\":[\"INVOKE\"]}");
            assertEquals(400, noName.status());
            assertTrue(noName.text().contains("Extension.MissingHeader"), noName.text());
            RawHttp.Reply badEvent = register(http, "ext", "{\"events\":[\"INVOKE\",\"LUNCH\"]}");
            assertEquals(400, badEvent.status());
            assertTrue(badEvent.text().contains("Extension.InvalidEventType") && badEvent.text().contains("LUNCH"),
                    badEvent.text());
            RawHttp.Reply notJson = register(http, "ext", "events: all");
            assertEquals(400, notJson.status());
            assertTrue(notJson.text().contains("InvalidRequestFormat"), notJson.text());

            RawHttp.Reply ok = register(http, "ext", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
            assertEquals(200, ok.status(), ok.text());
            assertNotNull(ok.headers().get("lambda-extension-identifier"));
            assertTrue(ok.text().contains("\"functionName\":\"manual\"") && ok.text().contains("\"handler\":\"h\""),
                    ok.text());
            assertEquals(409, register(http, "ext", "{\"events\":[]}").status(), "a name registers once");

            RawHttp.Reply unknown = http.exchange("GET", NEXT, Map.of("Lambda-Extension-Identifier", "nobody"), null);
            assertEquals(403, unknown.status());
            assertTrue(unknown.text().contains("Extension.UnknownExtensionIdentifier"), unknown.text());
        }
    }

    /** A refused request's body is read before the answer, so the extension's keep-alive connection survives. */
    @Test
    void refusedRequestsWithABodyKeepTheConnection() throws Exception {
        try (RawHttp http = new RawHttp(address)) {
            for (int i = 0; i < 200; i++) {
                assertEquals(405, http.post(NEXT, Map.of(), bytes("{\"i\":" + i + "}")).status(),
                        "405 number " + i + " on one connection");
                assertEquals(405, http.exchange("GET", REGISTER, Map.of(), null).status());
                assertEquals(404, http.post("/2020-01-01/extension/nothing", Map.of(), bytes("{}")).status(),
                        "404 number " + i + " on one connection");
            }
        }
    }

    @Test
    void telemetrySubscriptionsAreValidated() throws Exception {
        emulator.invokeAsync("manual", InvokeRequest.of("{}")); // starts the environment
        try (RawHttp http = new RawHttp(address)) {
            String id = register(http, "ext", "{\"events\":[]}").headers().get("lambda-extension-identifier");
            Map<String, String> auth = Map.of("Lambda-Extension-Identifier", id);
            RawHttp.Reply elsewhere = http.exchange("PUT", TELEMETRY, auth, bytes("{\"destination\":{\"protocol\":"
                    + "\"HTTP\",\"URI\":\"http://example.com:80/\"},\"types\":[\"function\"]}"));
            assertEquals(400, elsewhere.status());
            assertTrue(elsewhere.text().contains("ValidationError") && elsewhere.text().contains("sandbox.localdomain"),
                    elsewhere.text());
            RawHttp.Reply badType = http.exchange("PUT", TELEMETRY, auth, bytes("{\"destination\":{\"protocol\":"
                    + "\"HTTP\",\"URI\":\"http://sandbox.localdomain:4243/\"},\"types\":[\"gossip\"]}"));
            assertEquals(400, badType.status());
            assertTrue(badType.text().contains("gossip"), badType.text());
            RawHttp.Reply stranger = http.exchange("PUT", TELEMETRY, Map.of(), bytes("{}"));
            assertEquals(403, stranger.status());
            RawHttp.Reply ok = http.exchange("PUT", TELEMETRY, auth, bytes("{\"destination\":{\"protocol\":\"HTTP\","
                    + "\"URI\":\"http://sandbox.localdomain:4243/t\"},\"types\":[\"platform\",\"function\"],"
                    + "\"buffering\":{\"timeoutMs\":25}}"));
            assertEquals(200, ok.status(), ok.text());
            assertEquals(405, http.get(TELEMETRY).status());
        }
    }

    @Test
    void anInvocationWaitsForTheExtensionAndRegistrationClosesWithIt() throws Exception {
        try (RawHttp extension = new RawHttp(address); RawHttp runtime = new RawHttp(address)) {
            emulator.invokeAsync("manual", InvokeRequest.of("{}")); // starts the environment
            String id = register(extension, "ext", "{\"events\":[\"INVOKE\"]}").headers()
                    .get("lambda-extension-identifier");
            // the runtime asks first; the invocation starts only when the extension waits in next too
            CompletableFuture<RawHttp.Reply> runtimeNext = CompletableFuture.supplyAsync(() -> call(() ->
                    runtime.get("/2018-06-01/runtime/invocation/next")));
            Thread.sleep(300);
            assertTrue(!runtimeNext.isDone(), "delivered before the registered extension asked for its next event");
            RawHttp.Reply invoke = extension.exchange("GET", NEXT, Map.of("Lambda-Extension-Identifier", id), null);
            assertEquals(200, invoke.status());
            String requestId = runtimeNext.get().headers().get("lambda-runtime-aws-request-id");
            assertTrue(invoke.text().contains("\"eventType\":\"INVOKE\"") && invoke.text().contains(requestId),
                    invoke.text());
            try (RawHttp late = new RawHttp(address)) {
                RawHttp.Reply closed = register(late, "late", "{\"events\":[]}");
                assertEquals(403, closed.status());
                assertTrue(closed.text().contains("Extension.RegistrationClosed"), closed.text());
            }
        }
    }

    @Test
    void anExtensionThatExitsResetsTheEnvironmentWithExtensionCrash(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path extensions = java.nio.file.Files.createDirectories(dir.resolve("extensions"));
        Path crasher = java.nio.file.Files.writeString(extensions.resolve("crasher"), "#!/bin/sh\nexit 3\n");
        java.nio.file.Files.setPosixFilePermissions(crasher,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Emulator withExtension = Emulator.start(EmulatorOptions.defaults().withLogSink(line -> { })
                .withOptDir(dir))) {
            withExtension.addFunction(FunctionConfig.of("crashy", "h", Path.of("target"))
                    .withCommand(List.of("sleep", "600")));
            long start = System.nanoTime();
            InvokeResult result = withExtension.invoke("crashy", InvokeRequest.of("{}"));
            double ms = (System.nanoTime() - start) / 1e6;
            assertEquals("Unhandled", result.functionError());
            assertTrue(result.payloadText().contains("Extension.Crash")
                    && result.payloadText().contains("exit status 3"), result.payloadText());
            assertTrue(ms < 3000, "failed after " + ms + " ms: at the exit, not at the timeout");
            assertTrue(withExtension.runtimePids().isEmpty() || waitForNoRuntime(withExtension),
                    "the environment's runtime is gone: " + withExtension.runtimePids());
        }
    }

    private static boolean waitForNoRuntime(Emulator emulator) throws InterruptedException {
        for (int i = 0; i < 50 && !emulator.runtimePids().isEmpty(); i++) {
            Thread.sleep(100);
        }
        return emulator.runtimePids().isEmpty();
    }

    private interface Call {
        RawHttp.Reply run() throws Exception;
    }

    private static RawHttp.Reply call(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
