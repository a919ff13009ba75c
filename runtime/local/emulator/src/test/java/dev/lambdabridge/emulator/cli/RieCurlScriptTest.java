package dev.lambdabridge.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.testing.FakeRuntime;
import dev.lambdabridge.emulator.testing.Fakes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An RIE-style curl script ({@code src/test/resources/rie/invoke.sh}, unchanged: localhost:8080, function name
 * {@code function}) against the emulator's {@code rie} mode started as {@code aws-lambda-rie CMD ARGS...} is,
 * in its own JVM with RIE's environment variables; the runtime is the test's fake runtime.
 */
@Tag("slow")
class RieCurlScriptTest {
    @Test
    void anRieCurlScriptRunsUnchanged() throws Exception {
        assumeTrue(portFree(8080), "port 8080 is taken on this machine: RIE's port, which the script names");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), EmulatorCli.class.getName(), "rie"));
        command.addAll(Fakes.command());
        command.add("fake.Handler::handle"); // the last word: the handler, as RIE takes it
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("AWS_LAMBDA_FUNCTION_TIMEOUT", "7");
        builder.environment().put("FAKE_MODE", "context");
        Process emulator = builder.start();
        try {
            awaitListening(8080, emulator);
            Process curl = new ProcessBuilder("/bin/sh", Path.of("src/test/resources/rie/invoke.sh").toString())
                    .redirectErrorStream(true).start();
            String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, curl.waitFor(), answer);
            JsonNode context = new ObjectMapper().readTree(answer);
            assertEquals("function", context.path("env.AWS_LAMBDA_FUNCTION_NAME").asText(), answer);
            assertEquals("7", context.path("env.AWS_LAMBDA_FUNCTION_TIMEOUT").asText());
            assertEquals("3008", context.path("env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText(), "RIE's default");
            assertEquals("fake.Handler::handle", context.path("env._HANDLER").asText());
            assertEquals(Path.of("").toAbsolutePath().toString(), context.path("cwd").asText(),
                    "the runtime starts in the current directory");
            assertEquals("arn:aws:lambda:" + context.path("env.AWS_REGION").asText()
                    + ":012345678912:function:function", context.path("header.lambda-runtime-invoked-function-arn")
                    .asText());
        } finally {
            List<ProcessHandle> children = emulator.descendants().toList();
            emulator.destroy(); // SIGTERM, as Ctrl-C or docker stop: the emulator kills its runtime
            assertTrue(emulator.waitFor(20, TimeUnit.SECONDS), "the emulator exits on SIGTERM");
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "runtime " + child.pid() + " left behind");
            }
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void awaitListening(int port, Process emulator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertTrue(emulator.isAlive(), () -> "the emulator exited: " + emulator.exitValue());
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the emulator did not listen on " + port + " within 30 s");
    }

    static {
        FakeRuntime.class.getName(); // the runtime of the test: Fakes.command() runs it
    }
}
