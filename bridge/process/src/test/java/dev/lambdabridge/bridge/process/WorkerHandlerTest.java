package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code worker:} in this JVM with a raw-protocol Ruby worker (src/test/resources/workers/raw_worker.rb). */
class WorkerHandlerTest {
    private final RuntimeEnvironment environment = Fixtures.environment(Fixtures.WORKERS);
    private final Fixtures.Log log = new Fixtures.Log();
    private final List<WorkerHandler> handlers = new ArrayList<>();

    @AfterEach
    void closeLeavesNothingBehind() {
        handlers.forEach(WorkerHandler::close);
        assertEquals(List.of(), Fixtures.descendants(), "processes left behind");
    }

    private WorkerHandler start(String spec, RuntimeLogger logger, long readyWithinMillis) {
        WorkerHandler handler = WorkerHandlerFactory.create(spec, environment, logger,
                System.currentTimeMillis() + readyWithinMillis);
        handlers.add(handler);
        return handler;
    }

    private WorkerHandler start() {
        return start("ruby raw_worker.rb", log.logger, 10_000);
    }

    private byte[] invoke(WorkerHandler handler, Invocation invocation) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handle(invocation, Fixtures.context(invocation, environment, log.logger), response);
        return response.toByteArray();
    }

    private String invoke(WorkerHandler handler, String event) throws Exception {
        return new String(invoke(handler, Fixtures.invocation(event, 10_000)), StandardCharsets.UTF_8);
    }

    private GuestError failure(WorkerHandler handler, String event, long timeoutMillis) {
        return assertThrows(GuestError.class, () -> invoke(handler, Fixtures.invocation(event, timeoutMillis)));
    }

    private long pid(WorkerHandler handler) throws Exception {
        return (Long) ((Map<?, ?>) Json.parse(invoke(handler, "{\"do\":\"pid\"}"))).get("pid");
    }

    @Test
    void eventReachesTheWorkerByteForByteWithItsContext() throws Exception {
        WorkerHandler handler = start();
        byte[] event = Fixtures.HOSTILE_EVENT.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(event, invoke(handler, Fixtures.invocation(event, 10_000)));

        Invocation invocation = new Invocation("req-ctx-1", System.currentTimeMillis() + 10_000, "arn:fn", "Root=1-x",
                "{\"custom\":{\"a\":1}}", null, "{\"do\":\"context\"}".getBytes(StandardCharsets.UTF_8));
        Map<?, ?> context = (Map<?, ?>) Json.parse(new String(invoke(handler, invocation), StandardCharsets.UTF_8));
        assertEquals("req-ctx-1", context.get("requestId"));
        assertEquals(invocation.deadlineMs(), context.get("deadlineMs"));
        assertEquals("arn:fn", context.get("invokedFunctionArn"));
        assertEquals("Root=1-x", context.get("traceId"));
        assertEquals("bridge-test", context.get("functionName"));
        assertEquals("$LATEST", context.get("functionVersion"));
        assertEquals(256L, context.get("memoryLimitInMB"));
        assertEquals("/aws/lambda/bridge-test", context.get("logGroupName"));
        assertEquals(Map.of("custom", Map.of("a", 1L)), context.get("clientContext"));
        assertFalse(context.containsKey("identity"));
        Map<?, ?> env = (Map<?, ?>) context.get("env");
        assertEquals("1", env.get("LAMBDA_BRIDGE_PROTOCOL"));
        assertTrue(((String) env.get("LAMBDA_BRIDGE_WORKER_SOCKET")).endsWith("/worker.sock"), env.toString());
    }

    @Test
    void outputGoesToTheLogTaggedWithTheRequestId() throws Exception {
        WorkerHandler handler = start();
        Invocation invocation = Fixtures.invocation("{\"do\":\"log\",\"text\":\"hi there\"}", 10_000);
        assertEquals("{\"logged\":true}", new String(invoke(handler, invocation), StandardCharsets.UTF_8));
        // stdout and stderr are drained by two threads: wait for both lines (a line that comes after the
        // answer is still tagged with the invocation last served)
        long until = System.currentTimeMillis() + 2_000;
        while (!(log.text().contains(invocation.requestId() + "\tto stderr: hi there")
                && log.text().contains(invocation.requestId() + "\tto stdout: hi there"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertTrue(log.text().contains(invocation.requestId() + "\tto stdout: hi there\n"), log.text());
        assertTrue(log.text().contains(invocation.requestId() + "\tto stderr: hi there\n"), log.text());
        assertTrue(log.text().contains("raw worker: ready\n"), "init output is untagged: " + log.text());
    }

    @Test
    void handlerErrorKeepsItsTypeAndTraceAndTheWorker() throws Exception {
        WorkerHandler handler = start();
        long pid = pid(handler);
        GuestError error = failure(handler, "{\"do\":\"error\",\"message\":\"no such order\"}", 10_000);
        assertEquals("Custom.Failure", error.errorType());
        assertEquals("no such order", error.getMessage());
        assertEquals(List.of("raw_worker.rb:42:in `handle`", "raw_worker.rb:50"), error.errorStackTrace());
        assertEquals(pid, pid(handler), "same worker");
    }

    @Test
    void crashIsWorkerExitedWithStatusAndStderrThenANewWorkerServes() throws Exception {
        WorkerHandler handler = start();
        long pid = pid(handler);
        GuestError error = failure(handler, "{\"do\":\"crash\"}", 10_000);
        assertEquals(ProcessErrorTypes.WORKER_EXITED, error.errorType());
        assertEquals("worker \"ruby raw_worker.rb\" exited with status 7 while it served the invocation; a new one "
                + "starts at the next invocation; the last lines of its stderr:\nraw worker: about to crash\n"
                + "raw worker: bye", error.getMessage());
        assertNotEquals(pid, pid(handler));
    }

    @Test
    void hangIsKilledWithItsChildAndANewWorkerServes() throws Exception {
        WorkerHandler handler = start();
        long pid = pid(handler);
        long start = System.currentTimeMillis();
        GuestError error = failure(handler, "{\"do\":\"hang\",\"child\":true}", 1_500);
        long took = System.currentTimeMillis() - start;
        assertEquals(ProcessErrorTypes.WORKER_TIMEOUT, error.errorType());
        assertTrue(error.getMessage().startsWith("worker \"ruby raw_worker.rb\" did not answer before the deadline"),
                error.getMessage());
        // killed 250 ms before the deadline; the upper bound leaves room for a loaded machine
        assertTrue(took >= 1_200 && took < 1_650, "killed ~250 ms before the deadline, took " + took + " ms");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), Fixtures.descendants(), "the worker and its child are gone");
        assertNotEquals(pid, pid(handler));
    }

    @Test
    void oversizedResultIsResponseTooLarge() throws Exception {
        WorkerHandler handler = start();
        GuestError error = failure(handler, "{\"do\":\"big-result\",\"mb\":10}", 10_000);
        assertEquals(ProcessErrorTypes.WORKER_RESPONSE_TOO_LARGE, error.errorType());
        assertTrue(error.getMessage().contains("RESULT of 10485760 bytes"), error.getMessage());
        assertEquals("{}", invoke(handler, "{}"));
    }

    @Test
    void fiftyMegabytesOnStderrDoNotBlockTheWorker() throws Exception {
        Fixtures.CountingLog counting = new Fixtures.CountingLog();
        WorkerHandler handler = start("ruby raw_worker.rb", counting.logger, 10_000);
        Invocation invocation = Fixtures.invocation("{\"do\":\"flood-stderr\",\"mb\":50}", 30_000);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handle(invocation, Fixtures.context(invocation, environment, counting.logger), response);
        assertEquals("{\"flooded\":true}", response.toString(StandardCharsets.UTF_8));
    }

    @Test
    void protocolErrorsShowTheBytesAndRestartTheWorker() throws Exception {
        WorkerHandler handler = start();
        GuestError garbage = failure(handler, "{\"do\":\"garbage\"}", 10_000);
        assertEquals(ProcessErrorTypes.WORKER_PROTOCOL, garbage.errorType());
        assertTrue(garbage.getMessage().startsWith("worker \"ruby raw_worker.rb\" broke the protocol: malformed frame "
                + "header (expected \"TYPE LENGTH\\n\"): \"HELLO THERE\\n\""), garbage.getMessage());
        assertEquals("{}", invoke(handler, "{}"));

        GuestError unknown = failure(handler, "{\"do\":\"unknown-type\"}", 10_000);
        assertTrue(unknown.getMessage().contains("unknown frame type BANANA (expected RESULT or ERROR)"),
                unknown.getMessage());
        GuestError truncated = failure(handler, "{\"do\":\"truncated\"}", 10_000);
        assertEquals(ProcessErrorTypes.WORKER_PROTOCOL, truncated.errorType());
        assertTrue(truncated.getMessage().contains("end of stream inside a RESULT frame: got 9 of 100 bytes"),
                truncated.getMessage());
        GuestError closed = failure(handler, "{\"do\":\"close\"}", 10_000);
        assertEquals(ProcessErrorTypes.WORKER_PROTOCOL, closed.errorType());
        assertTrue(closed.getMessage().contains("closed its connection"), closed.getMessage());
        assertEquals("{}", invoke(handler, "{}"));
    }

    @Test
    void bytesAfterAnAnswerRestartTheWorkerBeforeTheNextInvocation() throws Exception {
        WorkerHandler handler = start();
        assertEquals("{\"first\":true}", invoke(handler, "{\"do\":\"extra\"}"));
        Thread.sleep(100); // the stray frame arrives
        assertEquals("{\"second\":1}", invoke(handler, "{\"second\":1}"));
        assertTrue(log.text().contains("sent data after its last answer"), log.text());
    }

    @Test
    void workerKilledBetweenInvocationsIsReplaced() throws Exception {
        WorkerHandler handler = start();
        long first = pid(handler);
        ProcessHandle worker = ProcessHandle.of(first).orElseThrow();
        worker.destroyForcibly();
        worker.onExit().join();
        assertEquals("{\"b\":2}", invoke(handler, "{\"b\":2}"));
        assertNotEquals(first, pid(handler));
    }

    @Test
    void workerThatClosedItsConnectionBetweenInvocationsIsReplaced() throws Exception {
        WorkerHandler handler = start();
        long first = pid(handler);
        assertEquals("{\"closing\":true}", invoke(handler, "{\"do\":\"answer-then-close\"}"));
        Thread.sleep(100); // it has closed its end; it is still alive
        assertTrue(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
        assertEquals("{\"c\":3}", invoke(handler, "{\"c\":3}"));
        assertNotEquals(first, pid(handler));
    }

    @Test
    void eventThatCannotBeDeliveredGoesToANewWorker() throws Exception {
        WorkerHandler handler = start();
        Worker worker = handler.currentWorker();
        assertEquals("{\"closing\":true}", invoke(handler, "{\"do\":\"answer-then-close\"}"));
        Thread.sleep(100);
        // as if the worker's end closed just after the check before the INVOKE: the write fails
        Invocation invocation = Fixtures.invocation("{\"d\":4}", 10_000);
        assertThrows(EventNotDelivered.class, () -> worker.invoke(invocation, new ByteArrayOutputStream(),
                invocation.deadlineMs() - 100));
        assertEquals("{\"d\":4}", new String(invoke(handler, invocation), StandardCharsets.UTF_8));
    }

    @Test
    void eventSentToAWorkerThatExitsWithoutReadingItGoesToANewWorker() throws Exception {
        WorkerHandler handler = start();
        long first = pid(handler);
        GuestError fatal = failure(handler, "{\"do\":\"error-then-exit\"}", 10_000);
        assertEquals("E_ERROR", fatal.errorType());
        // sent while the worker is still exiting: it never reads it (the kernel resets the connection, since
        // the INVOKE is discarded unread), so the event goes to a new worker instead of failing as Worker.Exited
        assertEquals("{\"e\":5}", invoke(handler, "{\"e\":5}"));
        assertNotEquals(first, pid(handler));
    }

    @Test
    void aWorkerFoundExitedHasItsSocketsClosedAtOnce() throws Exception {
        WorkerHandler handler = start();
        ProcessHandle process = ProcessHandle.of(pid(handler)).orElseThrow();
        Worker worker = handler.currentWorker();
        long sockets = openSockets(); // the worker's listening socket and its connection among them
        process.destroyForcibly();
        process.onExit().join();
        assertFalse(worker.usable());
        assertEquals(sockets - 2, openSockets(), "the exited worker's two sockets are closed");
        assertEquals("{\"g\":7}", invoke(handler, "{\"g\":7}"));
    }

    private static long openSockets() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(
                java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (java.io.IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void initFailuresAreHandlerFaultsWithStatusAndStderr() {
        HandlerFault exited = assertThrows(HandlerFault.class, () -> start("ruby raw_worker.rb exit-at-init",
                log.logger, 10_000));
        assertEquals(ProcessErrorTypes.WORKER_EXITED, exited.errorType());
        assertTrue(exited.getMessage().startsWith("worker \"ruby raw_worker.rb exit-at-init\" exited with status 3 "
                + "without connecting to LAMBDA_BRIDGE_WORKER_SOCKET"), exited.getMessage());
        assertTrue(exited.getMessage().endsWith("the last lines of its stderr:\nraw worker: loading failed\n"
                + "raw worker: giving up"), exited.getMessage());

        HandlerFault error = assertThrows(HandlerFault.class, () -> start("ruby raw_worker.rb error-at-init",
                log.logger, 10_000));
        assertEquals("LoadError", error.errorType());
        assertEquals("cannot load handler.rb", error.getMessage());

        long start = System.currentTimeMillis();
        HandlerFault silent = assertThrows(HandlerFault.class, () -> start("ruby raw_worker.rb silent", log.logger,
                1_000));
        assertEquals(ProcessErrorTypes.WORKER_TIMEOUT, silent.errorType());
        assertTrue(System.currentTimeMillis() - start < 2_000);

        HandlerFault badReady = assertThrows(HandlerFault.class, () -> start("ruby raw_worker.rb bad-ready",
                log.logger, 10_000));
        assertEquals(ProcessErrorTypes.WORKER_PROTOCOL, badReady.errorType());
        assertTrue(badReady.getMessage().contains("\"READY 007\\n\""), badReady.getMessage());

        HandlerFault notFound = assertThrows(HandlerFault.class, () -> start("no-such-ruby w.rb", log.logger, 1_000));
        assertEquals(ProcessErrorTypes.NOT_FOUND, notFound.errorType());
    }

    @Test
    void closeKillsTheWorker() throws Exception {
        WorkerHandler handler = start();
        long pid = pid(handler);
        handler.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
