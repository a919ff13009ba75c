package dev.lambdabridge.emulator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in runtime for the emulator's tests: speaks the Runtime API over {@link RawHttp} and behaves as
 * FAKE_MODE says, or as the event's {@code "mode"} field says for one invocation: echo, error, sleep, nap (700 ms,
 * then echo), exit,
 * big, print, flood-stderr, context (answers with the invocation's headers and env), metadata (answers with what
 * the metadata endpoint said to its token, to none and to a wrong one), init-error (also when the file named by
 * FAKE_INIT_FAIL_FILE exists).
 */
public final class FakeRuntime {
    private static final String BASE = "/2018-06-01/runtime/";

    private final RawHttp http;

    private FakeRuntime(RawHttp http) {
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("FAKE_MODE", "echo");
        FakeRuntime runtime = new FakeRuntime(new RawHttp(System.getenv("AWS_LAMBDA_RUNTIME_API")));
        String failFile = System.getenv("FAKE_INIT_FAIL_FILE");
        if (mode.equals("init-error") || (failFile != null && Files.exists(Path.of(failFile)))) {
            runtime.initError();
            System.exit(1);
        }
        int loops = Integer.parseInt(System.getenv().getOrDefault("FAKE_LOOPS", "1"));
        for (int i = 1; i < loops; i++) {
            FakeRuntime another = new FakeRuntime(new RawHttp(System.getenv("AWS_LAMBDA_RUNTIME_API")));
            Thread.ofPlatform().name("fake-loop-" + i).start(() -> {
                try {
                    another.loop(mode);
                } catch (Exception e) {
                    System.err.println("fake runtime: loop failed: " + e);
                    System.exit(6);
                }
            });
        }
        runtime.loop(mode);
    }

    private void loop(String mode) throws Exception {
        while (true) {
            RawHttp.Reply next = http.get(BASE + "invocation/next");
            if (next.status() != 200) {
                System.err.println("fake runtime: next answered " + next.status() + ", exiting");
                System.exit(5);
            }
            handle(next, modeOf(next.text(), mode));
        }
    }

    private void initError() throws IOException {
        System.err.println("fake runtime: failing init");
        RawHttp.Reply reply = http.post(BASE + "init/error", Map.of("Lambda-Runtime-Function-Error-Type",
                "Runtime.FakeInitError"), "{\"errorMessage\":\"init failed on purpose\",\"errorType\":\"FakeInitError\"}"
                .getBytes(StandardCharsets.UTF_8));
        System.err.println("fake runtime: init/error answered " + reply.status());
    }

    private void handle(RawHttp.Reply next, String mode) throws Exception {
        String id = next.headers().get("lambda-runtime-aws-request-id");
        switch (mode) {
            case "error" -> error(id);
            case "sleep" -> Thread.sleep(600_000);
            case "nap" -> { // most of a 1 s timeout
                Thread.sleep(700);
                respond(id, next.body());
            }
            case "exit" -> System.exit(3);
            case "error-then-exit" -> { // as a runtime does after an OutOfMemoryError: report, then exit
                error(id);
                Thread.sleep(300);
                System.exit(3);
            }
            case "big" -> big(id);
            case "print" -> {
                System.out.println("stdout line for " + id);
                System.err.println("stderr line for " + id);
                respond(id, next.body());
            }
            case "flood-stderr" -> {
                String line = "x".repeat(99);
                for (int i = 0; i < 20_000; i++) {
                    System.err.println(line);
                }
                respond(id, next.body());
            }
            case "context" -> respond(id, context(next).getBytes(StandardCharsets.UTF_8));
            case "metadata" -> respond(id, metadata().getBytes(StandardCharsets.UTF_8));
            default -> respond(id, next.body());
        }
    }

    private void respond(String id, byte[] body) throws IOException {
        RawHttp.Reply reply = http.post(BASE + "invocation/" + id + "/response", Map.of(), body);
        if (reply.status() != 202) {
            System.err.println("fake runtime: response answered " + reply.status() + " " + reply.text());
        }
        if (reply.status() == 500) { // the Runtime API's "non-recoverable state: exit promptly", as on next
            System.exit(5);
        }
    }

    private void error(String id) throws IOException {
        http.post(BASE + "invocation/" + id + "/error", Map.of("Lambda-Runtime-Function-Error-Type",
                "Runtime.FakeError"), "{\"errorMessage\":\"failed on purpose\",\"errorType\":\"FakeError\",\"stackTrace\":[]}"
                .getBytes(StandardCharsets.UTF_8));
    }

    private void big(String id) throws IOException {
        byte[] body = ("\"" + "a".repeat(7 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = http.post(BASE + "invocation/" + id + "/response", Map.of(), body);
        System.err.println("fake runtime: big response answered " + reply.status());
        RawHttp.Reply after = http.post(BASE + "invocation/" + id + "/error", Map.of(), "{}".getBytes());
        System.err.println("fake runtime: error after big answered " + after.status());
    }

    /** The metadata endpoint as Powertools calls it, then without a token and with a wrong one. */
    private static String metadata() throws IOException {
        String path = "/2026-01-15/metadata/execution-environment";
        String token = System.getenv("AWS_LAMBDA_METADATA_TOKEN");
        try (RawHttp metadata = new RawHttp(System.getenv("AWS_LAMBDA_METADATA_API"))) {
            RawHttp.Reply ok = metadata.exchange("GET", path, Map.of("Authorization", "Bearer " + token), null);
            RawHttp.Reply none = metadata.exchange("GET", path, Map.of(), null);
            RawHttp.Reply wrong = metadata.exchange("GET", path, Map.of("Authorization", "Bearer x" + token), null);
            StringBuilder json = new StringBuilder("{");
            field(json, "okStatus", Integer.toString(ok.status()));
            field(json, "okContentType", ok.headers().get("content-type"));
            field(json, "okBody", ok.text());
            field(json, "noneStatus", Integer.toString(none.status()));
            field(json, "wrongStatus", Integer.toString(wrong.status()));
            field(json, "tokenLength", Integer.toString(token == null ? 0 : token.length()));
            json.setLength(json.length() - 1);
            return json.append('}').toString();
        }
    }

    private static String context(RawHttp.Reply next) {
        StringBuilder json = new StringBuilder("{");
        next.headers().forEach((name, value) -> field(json, "header." + name, value));
        for (String name : new String[] {"_HANDLER", "LAMBDA_TASK_ROOT", "AWS_LAMBDA_FUNCTION_NAME",
                "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_TIMEOUT",
                "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION", "AWS_DEFAULT_REGION",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "TZ", "LANG", "PATH", "EXTRA", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE",
                "AWS_SHARED_CREDENTIALS_FILE", "AWS_LAMBDA_METADATA_API"}) {
            field(json, "env." + name, System.getenv(name));
        }
        field(json, "cwd", Path.of("").toAbsolutePath().toString());
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null,");
            return;
        }
        json.append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c < 0x20 ? ' ' : c);
        }
        json.append("\",");
    }

    private static String modeOf(String event, String defaultMode) {
        int at = event.indexOf("\"mode\":\"");
        if (at < 0) {
            return defaultMode;
        }
        int from = at + 8;
        return event.substring(from, event.indexOf('"', from));
    }
}
