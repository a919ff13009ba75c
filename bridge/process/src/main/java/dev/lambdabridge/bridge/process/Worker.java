package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.json.JsonText;
import org.apache.commons.exec.StreamPumper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker process and its connection, the bridge side of docs/worker-protocol.md: a Unix domain socket of its
 * own, the program started with {@code LAMBDA_BRIDGE_WORKER_SOCKET} and {@code LAMBDA_BRIDGE_PROTOCOL=1}, READY,
 * then one INVOKE and its RESULT or ERROR at a time. Its stdout and stderr are drained line by line into the
 * function's log, tagged with the request id of the invocation being served (or last served).
 *
 * <p>Waits use blocking I/O on the invoking thread; what must end a wait (the deadline) kills the worker and
 * closes the channel from the timer thread, which ends the blocked read or write. A worker that exits closes its
 * end of the socket, which ends the read with end-of-stream.
 *
 * <p>Once {@link #kill killed} (timeout, protocol error, exit, close) a worker is not used again: the handler starts
 * a new one.
 */
final class Worker {
    static final String SOCKET_VARIABLE = "LAMBDA_BRIDGE_WORKER_SOCKET";
    static final String PROTOCOL_VARIABLE = "LAMBDA_BRIDGE_PROTOCOL";
    static final int PROTOCOL = 1;
    /** After the worker's connection ended, how long to wait for it to exit and for its last output lines. */
    private static final long EXIT_WAIT_MILLIS = 1_000;
    private static final int PUMP_BUFFER = 64 * 1024;
    private static final File DEV_NULL = new File("/dev/null");

    /** What a worker is started from; shared by the workers of one handler. */
    record Settings(CommandSpec command, Path program, Path taskRoot, ChildEnvironment environment,
                    RuntimeEnvironment lambda, FunctionLog log) {
        String display() {
            return "worker \"" + command.display() + "\"";
        }
    }

    /** The INVOKE could not be written: the worker never got the event, so it is safe to retry on a new one. */
    static final class NotDelivered extends Exception {
        NotDelivered(IOException cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    private final Settings settings;
    private final Path socketDirectory;
    private final ServerSocketChannel server;
    private final Process process;
    private final String marker;
    private final LineLog stdout;
    private final LineLog stderr;
    private final List<Future<?>> pumps = new ArrayList<>(2);
    private volatile String requestId;
    private volatile boolean killed;
    private volatile boolean timedOut;
    private SocketChannel channel;
    private InputStream in;
    private OutputStream out;

    private Worker(Settings settings, Path socketDirectory, ServerSocketChannel server, Process process,
                   String marker, String requestId) {
        this.settings = settings;
        this.socketDirectory = socketDirectory;
        this.server = server;
        this.process = process;
        this.marker = marker;
        this.requestId = requestId;
        this.stdout = new LineLog(settings.log(), () -> this.requestId);
        this.stderr = new LineLog(settings.log(), () -> this.requestId);
    }

    /**
     * Starts a worker and waits for its READY until {@code readyByMillis}.
     *
     * @param requestId the invocation the start is for (tags the log lines), null during init
     * @throws BridgeError when it cannot be started, exits, stays silent, breaks the protocol, or reports ERROR
     *                     (then with the worker's own errorType, message and stack trace)
     */
    static Worker start(Settings settings, long readyByMillis, String requestId) {
        long startNanos = System.nanoTime();
        Path directory = null;
        ServerSocketChannel server = null;
        try {
            directory = Files.createTempDirectory(socketBase(), "lambda-bridge-"); // mode 0700
            Path socket = directory.resolve("worker.sock");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            String marker = SOCKET_VARIABLE + "=" + socket;

            ProcessBuilder builder = new ProcessBuilder(settings.command().argv(settings.program().toString(), null))
                    .directory(settings.taskRoot().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
            Map<String, String> env = builder.environment();
            settings.environment().applyTo(env);
            env.put(SOCKET_VARIABLE, socket.toString());
            env.put(PROTOCOL_VARIABLE, Integer.toString(PROTOCOL));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new BridgeError(BridgeError.NOT_FOUND, "Cannot start " + settings.display() + " ("
                        + settings.program() + "): " + e.getMessage());
            }
            Worker worker = new Worker(settings, directory, server, process, marker, requestId);
            try {
                worker.connect(readyByMillis);
            } catch (RuntimeException e) {
                worker.killAndWait(); // gone before init is reported failed: nothing is left behind
                throw e;
            }
            settings.log().note(settings.display() + " (pid " + process.pid() + ") is ready, "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms after its start");
            return worker;
        } catch (IOException e) {
            closeQuietly(server);
            deleteQuietly(directory);
            throw new BridgeError(BridgeError.WORKER_PROTOCOL, "Cannot open the socket for " + settings.display()
                    + ": " + e);
        } catch (RuntimeException e) {
            if (server != null && server.isOpen()) {
                closeQuietly(server);
                deleteQuietly(directory);
            }
            throw e;
        }
    }

    /** $TMPDIR when a socket path in it fits in sun_path (108 bytes), else /tmp. */
    private static Path socketBase() {
        String tmp = System.getenv("TMPDIR");
        if (tmp != null && !tmp.isBlank() && tmp.length() < 60 && Files.isDirectory(Path.of(tmp))) {
            return Path.of(tmp);
        }
        return Path.of("/tmp");
    }

    private void connect(long readyByMillis) {
        Future<?> out = Threads.PUMPS.submit(new StreamPumper(process.getInputStream(), stdout, true, PUMP_BUFFER));
        Future<?> err = Threads.PUMPS.submit(new StreamPumper(process.getErrorStream(), stderr, true, PUMP_BUFFER));
        pumps.add(out);
        pumps.add(err);
        process.onExit().thenRunAsync(this::onExit, Threads.PUMPS);
        try {
            channel = accept(readyByMillis);
            in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            awaitReady(readyByMillis);
        } catch (IOException e) {
            throw startFailure(e);
        }
    }

    /** Waits for the worker to connect; it may also exit or run out of time. */
    private SocketChannel accept(long readyByMillis) throws IOException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            process.onExit().thenRun(() -> {
                try {
                    selector.wakeup();
                } catch (RuntimeException closed) {
                    // the worker connected long ago
                }
            });
            while (true) {
                SocketChannel accepted = server.accept();
                if (accepted != null) {
                    accepted.configureBlocking(true);
                    return accepted;
                }
                if (!process.isAlive()) {
                    accepted = server.accept(); // it may have connected (and sent ERROR) just before it exited
                    if (accepted != null) {
                        accepted.configureBlocking(true);
                        return accepted;
                    }
                    throw exitedBeforeReady("without connecting to " + SOCKET_VARIABLE + " (is it written with a "
                            + "lambda-bridge shim? see docs/worker-protocol.md)");
                }
                long left = readyByMillis - System.currentTimeMillis();
                if (left <= 0) {
                    kill();
                    throw new BridgeError(BridgeError.WORKER_TIMEOUT, settings.display() + " did not connect to "
                            + SOCKET_VARIABLE + " in time (" + readyByMillis(readyByMillis) + "); it was killed"
                            + tail());
                }
                selector.select(left);
                selector.selectedKeys().clear();
            }
        }
    }

    private void awaitReady(long readyByMillis) throws IOException {
        ScheduledFuture<?> timer = armTimer(readyByMillis);
        try {
            Frames.Header header = Frames.readHeader(in);
            if (header == null) {
                throw exitedBeforeReady("before it sent READY");
            }
            switch (header.type()) {
                case Frames.READY -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    checkReady(Frames.readPayload(in, header));
                }
                case Frames.ERROR -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    BridgeError error = handlerError(Frames.readPayload(in, header));
                    kill();
                    throw error;
                }
                default -> throw new ProtocolException(unexpected(header, "READY or ERROR"));
            }
        } catch (ProtocolException e) {
            kill();
            throw new BridgeError(BridgeError.WORKER_PROTOCOL, settings.display() + " broke the protocol before it "
                    + "was ready: " + e.getMessage() + tail());
        } finally {
            timer.cancel(false);
        }
        if (timedOut) {
            throw startFailure(new IOException("timed out"));
        }
    }

    private void checkReady(byte[] payload) throws ProtocolException {
        Object ready;
        try {
            ready = Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("READY payload is not JSON (" + e.getMessage() + "): "
                    + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        if (!(ready instanceof Map<?, ?> fields)) {
            throw new ProtocolException("READY payload is not a JSON object: " + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        Object protocol = fields.get("protocol");
        if (protocol != null && !(protocol instanceof Long number && number == PROTOCOL)) {
            throw new ProtocolException("the worker speaks protocol " + protocol + "; this bridge speaks protocol "
                    + PROTOCOL);
        }
    }

    /** The failure of a start that ended with an I/O error or end of stream: timeout or exit. */
    private BridgeError startFailure(IOException cause) {
        if (timedOut) {
            return new BridgeError(BridgeError.WORKER_TIMEOUT, settings.display() + " did not send READY in time; "
                    + "it was killed" + tail());
        }
        return exitedBeforeReady("before it sent READY (" + cause.getMessage() + ")");
    }

    private BridgeError exitedBeforeReady(String when) {
        if (timedOut) { // the timer killed it: its end of the connection closed because of that
            return startFailure(new IOException("timed out"));
        }
        Integer status = awaitExit();
        kill();
        if (status == null) {
            return new BridgeError(BridgeError.WORKER_PROTOCOL, settings.display() + " closed its connection " + when
                    + " but did not exit; it was killed" + tail());
        }
        return new BridgeError(BridgeError.WORKER_EXITED, settings.display() + " exited with "
                + ProcessTree.describeStatus(status) + " " + when + tail());
    }

    private static String readyByMillis(long readyByMillis) {
        return "by " + java.time.Instant.ofEpochMilli(readyByMillis);
    }

    /**
     * Serves one invocation: INVOKE, then RESULT (copied to {@code response}) or ERROR (thrown).
     *
     * @throws NotDelivered when the INVOKE could not be written (the worker was gone), or the worker ended with it
     *                      unread (the connection was reset); no handler saw the event
     * @throws BridgeError  for the worker's ERROR (the worker stays usable), and for a timeout, an exit, a protocol
     *                      error or an oversized RESULT (the worker is killed)
     */
    void invoke(Invocation invocation, OutputStream response, long killAtMillis) throws NotDelivered, IOException {
        requestId = invocation.requestId();
        stderr.clearKept();
        ScheduledFuture<?> timer = armTimer(killAtMillis);
        try {
            try {
                byte[] event = invocation.payload() == null || invocation.payload().length == 0
                        ? "null".getBytes(StandardCharsets.US_ASCII) : invocation.payload();
                Frames.write(out, Frames.INVOKE, invokePrefix(invocation, settings.lambda()), event, INVOKE_SUFFIX);
            } catch (IOException e) {
                if (timedOut) {
                    throw timeout(killAtMillis);
                }
                kill();
                throw new NotDelivered(e);
            }
            Frames.Header header;
            try {
                header = Frames.readHeader(in);
            } catch (java.net.SocketException reset) {
                if (timedOut || reset.getMessage() == null || !reset.getMessage().contains("reset")) {
                    throw reset;
                }
                // Linux resets a Unix socket's peer only when the closing end discards unread data: the worker
                // ended (e.g. exiting after a fatal error it had just answered) with this INVOKE unread, so no
                // handler saw the event, and a new worker may have it
                awaitExit();
                kill();
                throw new NotDelivered(reset);
            }
            if (header == null) {
                throw connectionEnded(new IOException("end of stream"), killAtMillis);
            }
            switch (header.type()) {
                case Frames.RESULT -> {
                    if (header.length() > Frames.MAX_REPLY_BYTES) {
                        kill(); // the rest of the frame is unread: this connection cannot be used again
                        throw new BridgeError(BridgeError.WORKER_RESPONSE_TOO_LARGE, settings.display() + " answered "
                                + "with a RESULT of " + header.length() + " bytes, over Lambda's response limit of "
                                + Frames.MAX_REPLY_BYTES + " bytes; it was stopped and a new one starts at the next "
                                + "invocation");
                    }
                    Frames.copyPayload(in, header, response);
                }
                case Frames.ERROR -> {
                    Frames.checkLength(header, Frames.MAX_REPLY_BYTES);
                    throw handlerError(Frames.readPayload(in, header));
                }
                default -> throw new ProtocolException(unexpected(header, "RESULT or ERROR"));
            }
        } catch (ProtocolException e) {
            if (timedOut) {
                throw timeout(killAtMillis);
            }
            kill();
            throw new BridgeError(BridgeError.WORKER_PROTOCOL, settings.display() + " broke the protocol: "
                    + e.getMessage() + "; it was stopped and a new one starts at the next invocation" + tail());
        } catch (IOException e) {
            throw connectionEnded(e, killAtMillis);
        } finally {
            timer.cancel(false);
        }
    }

    private static final byte[] INVOKE_SUFFIX = {'}'};

    /** {@code {"context":{...},"event":} — the event's bytes and a closing brace follow. */
    static byte[] invokePrefix(Invocation invocation, RuntimeEnvironment lambda) {
        StringBuilder json = new StringBuilder(512).append("{\"context\":{\"requestId\":");
        JsonText.appendString(json, invocation.requestId());
        json.append(",\"deadlineMs\":").append(invocation.deadlineMs());
        JsonText.appendString(json.append(",\"invokedFunctionArn\":"), invocation.invokedFunctionArn());
        JsonText.appendString(json.append(",\"traceId\":"), invocation.traceId());
        JsonText.appendString(json.append(",\"functionName\":"), lambda.functionName());
        JsonText.appendString(json.append(",\"functionVersion\":"), lambda.functionVersion());
        json.append(",\"memoryLimitInMB\":").append(lambda.memoryLimitMb());
        JsonText.appendString(json.append(",\"logGroupName\":"), lambda.logGroupName());
        JsonText.appendString(json.append(",\"logStreamName\":"), lambda.logStreamName());
        appendObject(json, "clientContext", invocation.clientContextJson());
        appendObject(json, "identity", invocation.cognitoIdentityJson());
        // the event is at most 6 MiB (Lambda's request limit) and this context a few KiB: the whole payload stays
        // within the protocol's INVOKE limit (6 MiB + 64 KiB)
        return json.append("},\"event\":").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON object header value as it is; anything else (it never happens) as a JSON string. */
    private static void appendObject(StringBuilder json, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        json.append(",\"").append(name).append("\":");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!value.isBlank() && value.strip().startsWith("{") && Json.isValid(bytes)) {
            json.append(value);
        } else {
            JsonText.appendString(json, value);
        }
    }

    /** The worker's ERROR payload as the invocation's error: its own type, message and stack trace lines. */
    static BridgeError handlerError(byte[] payload) {
        Object parsed;
        try {
            parsed = Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            return new BridgeError(BridgeError.WORKER_HANDLER_ERROR, "The worker answered ERROR with a payload that "
                    + "is not a JSON object {\"errorMessage\",\"errorType\",\"stackTrace\"}: "
                    + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        Object message = fields.get("errorMessage");
        Object type = fields.get("errorType");
        List<String> stack = new ArrayList<>();
        if (fields.get("stackTrace") instanceof List<?> lines) {
            lines.forEach(line -> stack.add(String.valueOf(line)));
        }
        return new BridgeError(type instanceof String name && !name.isEmpty() ? name : BridgeError.WORKER_HANDLER_ERROR,
                message == null ? "" : String.valueOf(message), stack);
    }

    private static String unexpected(Frames.Header header, String expected) {
        boolean known = switch (header.type()) {
            case Frames.READY, Frames.INVOKE, Frames.RESULT, Frames.ERROR -> true;
            default -> false;
        };
        return (known ? "unexpected " : "unknown ") + "frame type " + header.type() + " (expected " + expected + ")";
    }

    /** The connection ended or failed while waiting for the answer: a timeout, an exit, or a broken worker. */
    private BridgeError connectionEnded(IOException cause, long killAtMillis) {
        if (timedOut) {
            return timeout(killAtMillis);
        }
        Integer status = awaitExit();
        kill();
        if (status != null) {
            return new BridgeError(BridgeError.WORKER_EXITED, settings.display() + " exited with "
                    + ProcessTree.describeStatus(status) + " while it served the invocation; a new one starts at "
                    + "the next invocation" + tail());
        }
        return new BridgeError(BridgeError.WORKER_PROTOCOL, settings.display() + " closed its connection ("
                + cause.getMessage() + ") without answering and without exiting; it was killed and a new one "
                + "starts at the next invocation" + tail());
    }

    private BridgeError timeout(long killAtMillis) {
        awaitPumps();
        return new BridgeError(BridgeError.WORKER_TIMEOUT, settings.display() + " did not answer before the deadline:"
                + " it was killed at " + java.time.Instant.ofEpochMilli(killAtMillis) + ", shortly before the "
                + "function's timeout, and a new one starts at the next invocation" + tail());
    }

    /** Waits a little for the worker to exit; its status, or null when it is still running. */
    private Integer awaitExit() {
        try {
            if (process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                awaitPumps();
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Lets the pumps log the worker's last output lines (they end when the worker and its children are gone). */
    private void awaitPumps() {
        long until = System.currentTimeMillis() + 500;
        for (Future<?> pump : pumps) {
            try {
                pump.get(Math.max(0, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String tail() {
        return stderr.lastLinesSuffix("stderr");
    }

    private ScheduledFuture<?> armTimer(long atMillis) {
        return Threads.TIMER.schedule(() -> {
            timedOut = true;
            kill();
        }, Math.max(0, atMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    private void onExit() {
        if (killed) {
            return;
        }
        // a process the worker started may still hold the socket or the pipes: nothing of it may stay behind
        ProcessTree.killMarked(marker);
        settings.log().note(settings.display() + " (pid " + process.pid() + ") exited with "
                + ProcessTree.describeStatus(process.exitValue()) + "; a new one starts at the next invocation");
    }

    /**
     * Whether the next INVOKE can go to this worker: alive, not killed, its end of the connection still open, and
     * nothing unread on the connection (bytes sent after its last answer would be taken for the next answer).
     * Costs a non-blocking read (a few microseconds).
     */
    boolean usable() {
        if (killed) {
            return false;
        }
        if (!process.isAlive() || channel == null || !channel.isOpen()) {
            // it exited (a shim exits after reporting a fatal error): close its socket now, since whoever drops
            // this worker next does not kill it again (found by the soak: the sockets stayed open)
            kill();
            return false;
        }
        try {
            byte[] stray = new byte[Frames.SHOWN_BYTES];
            int buffered = in.available() > 0 ? in.read(stray) : 0;
            int read;
            synchronized (channel.blockingLock()) {
                channel.configureBlocking(false);
                try {
                    read = channel.read(java.nio.ByteBuffer.wrap(stray, Math.max(0, buffered),
                            stray.length - Math.max(0, buffered)));
                } finally {
                    channel.configureBlocking(true);
                }
            }
            if (buffered > 0 || read > 0) {
                settings.log().note(settings.display() + " sent data after its last answer: "
                        + Utf8.escape(stray, 0, Math.max(0, buffered) + Math.max(0, read), Frames.SHOWN_BYTES)
                        + "; starting a new one");
                kill();
                return false;
            }
            if (read < 0) { // it closed its end (it is exiting, or it broke off)
                kill();
                return false;
            }
        } catch (IOException e) {
            kill();
            return false;
        }
        return true;
    }

    long pid() {
        return process.pid();
    }

    /** Kills the worker and what it started, closes the connection and removes the socket. Idempotent. */
    void kill() {
        killed = true;
        ProcessTree.kill(process, marker, 0);
        closeQuietly(channel);
        closeQuietly(server);
        deleteQuietly(socketDirectory);
    }

    /** {@link #kill()}, then waits for the process to be gone. */
    void killAndWait() {
        kill();
        awaitGone();
    }

    /** Waits (a bounded time) for a killed worker's process to be gone. */
    void awaitGone() {
        try {
            process.waitFor(Limits.KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("worker.sock"));
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // /tmp is cleaned with the sandbox
        }
    }
}
