package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code exec:} in this JVM with real php and ruby programs (src/test/resources/programs). */
class ExecHandlerTest {
    private final RuntimeEnvironment environment = Fixtures.environment(Fixtures.PROGRAMS);
    private final Fixtures.Log log = new Fixtures.Log();

    @AfterEach
    void nothingIsLeftBehind() {
        assertEquals(List.of(), Fixtures.descendants(), "processes left behind");
    }

    private ExecHandler handler(String spec, RuntimeLogger logger) {
        return ExecHandlerFactory.createExec(spec, environment, logger);
    }

    private byte[] invoke(ExecHandler handler, Invocation invocation) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handle(invocation, Fixtures.context(invocation, environment, log.logger), response);
        return response.toByteArray();
    }

    private GuestError failure(ExecHandler handler, Invocation invocation) {
        return assertThrows(GuestError.class, () -> invoke(handler, invocation));
    }

    @Test
    void eventOnStdinReachesTheProgramByteForByte() throws Exception {
        ExecHandler handler = handler("php echo.php", log.logger);
        byte[] event = Fixtures.HOSTILE_EVENT.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(event, invoke(handler, Fixtures.invocation(event, 10_000)));
    }

    @Test
    void eventAsOneArgumentReachesTheProgramByteForByte() throws Exception {
        ExecHandler handler = handler("ruby echo_arg.rb {event}", log.logger);
        byte[] event = ("  " + Fixtures.HOSTILE_EVENT).getBytes(StandardCharsets.UTF_8);
        byte[] echoed = invoke(handler, Fixtures.invocation(event, 10_000));
        if (NativeText.UTF8_PLATFORM) {
            assertArrayEquals(event, echoed);
        } else { // the JVM's locale is not UTF-8 here: the same JSON, with non-ASCII written as \\u escapes
            assertEquals(NativeText.forPlatform(new String(event, StandardCharsets.UTF_8)),
                    new String(echoed, StandardCharsets.UTF_8));
        }
        assertEquals("1", new String(invoke(handler, Fixtures.invocation("{\"mode\":\"argc\", \"x\": \"a b c\"}",
                10_000)), StandardCharsets.UTF_8), "one argument, spaces and all");
    }

    @Test
    void environmentCarriesTheInvocation() throws Exception {
        ExecHandler handler = handler("php echo.php", log.logger);
        Invocation invocation = new Invocation("req-env-1", System.currentTimeMillis() + 10_000,
                "arn:aws:lambda:us-east-1:123456789012:function:bridge-test", "Root=1-abc",
                "{\"custom\":{\"k\":\"v\"}}", "{\"cognitoIdentityId\":\"id-1\"}",
                "{\"mode\":\"env\"}".getBytes(StandardCharsets.UTF_8));
        String env = new String(invoke(handler, invocation), StandardCharsets.UTF_8);
        Map<?, ?> vars = (Map<?, ?>) Json.parse(env);
        assertEquals("req-env-1", vars.get("LAMBDA_REQUEST_ID"));
        assertEquals(Long.toString(invocation.deadlineMs()), vars.get("LAMBDA_DEADLINE_MS"));
        assertEquals(invocation.invokedFunctionArn(), vars.get("LAMBDA_INVOKED_FUNCTION_ARN"));
        assertEquals("Root=1-abc", vars.get("_X_AMZN_TRACE_ID"));
        assertEquals("{\"custom\":{\"k\":\"v\"}}", vars.get("LAMBDA_CLIENT_CONTEXT"));
        assertEquals("{\"cognitoIdentityId\":\"id-1\"}", vars.get("LAMBDA_COGNITO_IDENTITY"));
        assertEquals(Fixtures.PROGRAMS.toString(), vars.get("cwd"));
        assertTrue(((String) vars.get("PATH")).startsWith(Fixtures.PROGRAMS + ":/opt/bin:"), env);

        Invocation bare = Fixtures.invocation("{\"mode\":\"env\"}", 10_000);
        bare = new Invocation(bare.requestId(), bare.deadlineMs(), bare.invokedFunctionArn(), null, null, null,
                bare.payload());
        Map<?, ?> without = (Map<?, ?>) Json.parse(new String(invoke(handler, bare), StandardCharsets.UTF_8));
        assertEquals(Boolean.FALSE, without.get("_X_AMZN_TRACE_ID"));
        assertEquals(Boolean.FALSE, without.get("LAMBDA_CLIENT_CONTEXT"));
    }

    @Test
    void nonZeroExitNamesTheStatusAndTheLastStderrLines() throws Exception {
        ExecHandler handler = handler("php echo.php", log.logger);
        Invocation invocation = Fixtures.invocation("{\"mode\":\"crash\"}", 10_000);
        GuestError error = failure(handler, invocation);
        assertEquals(ProcessErrorTypes.EXIT_ERROR, error.errorType());
        assertEquals("\"php echo.php\" exited with status 3; the last lines of its stderr:\n"
                + "php: something broke\nphp: giving up", error.getMessage());
        assertTrue(log.text().contains(invocation.requestId() + "\tphp: something broke\n"), log.text());
        assertEquals("{}", new String(invoke(handler, Fixtures.invocation("{}", 10_000)), StandardCharsets.UTF_8));
    }

    @Test
    void hangIsKilledWithItsChildrenBeforeTheDeadline() throws Exception {
        ExecHandler handler = handler("ruby echo_arg.rb {event}", log.logger);
        long start = System.currentTimeMillis();
        Invocation invocation = Fixtures.invocation("{\"mode\":\"hang\"}", 1_500);
        GuestError error = failure(handler, invocation);
        long took = System.currentTimeMillis() - start;
        assertEquals(ProcessErrorTypes.TIMEOUT, error.errorType());
        assertTrue(error.getMessage().startsWith("\"ruby echo_arg.rb {event}\" did not finish before the deadline"),
                error.getMessage());
        // killed 250 ms before the deadline; the upper bound leaves room for a loaded machine
        assertTrue(took >= 1_200 && took < 1_650, "killed ~250 ms before the deadline, took " + took + " ms");
        assertEquals(List.of(), ProcessTree.findMarked("LAMBDA_REQUEST_ID=" + invocation.requestId()));
        assertEquals("{}", new String(invoke(handler, Fixtures.invocation("{}", 10_000)), StandardCharsets.UTF_8));
    }

    @Test
    void backgroundProcessHoldingStdoutIsKilledAfterTheProgramExits() throws Exception {
        ExecHandler handler = handler("ruby echo_arg.rb {event}", log.logger);
        Invocation invocation = Fixtures.invocation("{\"mode\":\"background\"}", 10_000);
        assertEquals("{\"ok\":true}", new String(invoke(handler, invocation), StandardCharsets.UTF_8));
        assertEquals(List.of(), ProcessTree.findMarked("LAMBDA_REQUEST_ID=" + invocation.requestId()));
        assertTrue(log.text().contains("stayed open"), log.text());
    }

    @Test
    void tenMegabytesOnStdoutIsAnErrorNotAnOutOfMemory() throws Exception {
        ExecHandler handler = handler("php echo.php", log.logger);
        GuestError error = failure(handler, Fixtures.invocation("{\"mode\":\"bigout\"}", 10_000));
        assertEquals(ProcessErrorTypes.RESPONSE_TOO_LARGE, error.errorType());
        assertTrue(error.getMessage().contains("more than 6291556 bytes"), error.getMessage());
    }

    @Test
    void fiftyMegabytesOnStderrWhileTheBridgeWaitsOnStdoutCompletes() throws Exception {
        Fixtures.CountingLog counting = new Fixtures.CountingLog();
        ExecHandler handler = handler("php echo.php", counting.logger);
        Invocation invocation = Fixtures.invocation("{\"mode\":\"bigerr\"}", 20_000);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handle(invocation, Fixtures.context(invocation, environment, counting.logger), response);
        assertEquals("{\"flooded\":true}", response.toString(StandardCharsets.UTF_8));
        assertEquals(50 * 1024, counting.lines);
    }

    @Test
    void invalidUtf8OnStdoutIsInvalidOutputAndTextIsAJsonString() throws Exception {
        ExecHandler php = handler("php echo.php", log.logger);
        assertEquals(ProcessErrorTypes.INVALID_OUTPUT, failure(php, Fixtures.invocation("{\"mode\":\"invalid\"}", 10_000))
                .errorType());
        assertEquals("\"hello, text\\n\"", new String(invoke(php, Fixtures.invocation("{\"mode\":\"text\"}", 10_000)),
                StandardCharsets.UTF_8));
    }

    @Test
    void missingProgramIsAnInitErrorNamingThePath() {
        HandlerFault fault = assertThrows(HandlerFault.class, () -> handler("no-such-php x.php", log.logger));
        assertEquals(ProcessErrorTypes.NOT_FOUND, fault.errorType());
        assertTrue(fault.getMessage().startsWith("Program \"no-such-php\" was not found on PATH (" + Fixtures.PROGRAMS
                + ":/opt/bin:"), fault.getMessage());
    }
}
