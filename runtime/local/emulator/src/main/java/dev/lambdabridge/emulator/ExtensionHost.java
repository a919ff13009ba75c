package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The external extensions of one execution environment (one runtime process's lifetime), as Lambda runs them:
 * every executable file in {@code <opt>/extensions} is started before the runtime, with the function's
 * environment; each registers ({@code POST /2020-01-01/extension/register}) during init, gets INVOKE and SHUTDOWN
 * events from {@code GET /2020-01-01/extension/event/next}, and may subscribe to the Telemetry API. An invocation
 * is delivered only when every registered extension waits in {@code next}, so the next invocation starts only
 * after each extension has finished with the last one. Guarded by the lock of its {@link HostedFunction}, except
 * {@link #shutdown}, which waits.
 */
final class ExtensionHost {
    /** Lambda's shutdown phase with external extensions: 2,000 ms in all. */
    static final long SHUTDOWN_MILLIS = 2_000;
    private static final long TELEMETRY_FLUSH_MILLIS = SHUTDOWN_MILLIS / 2;
    private static final Set<String> EVENT_TYPES = Set.of("INVOKE", "SHUTDOWN");

    private final List<RuntimeProcess> processes;
    private final Consumer<String> log;
    private final Map<String, RegisteredExtension> registered = new LinkedHashMap<>();
    /** Read by the log pumps without the lock. */
    private final List<TelemetrySubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean registrationClosed;
    private boolean shutDown;

    private ExtensionHost(List<RuntimeProcess> processes, Consumer<String> log) {
        this.processes = processes;
        this.log = log;
    }

    /** An environment without external extensions (a process of it may still register, as internal ones do). */
    static ExtensionHost empty(Consumer<String> log) {
        return new ExtensionHost(List.of(), log);
    }

    /**
     * Starts the executables of {@code <optDir>/extensions}, sorted by name; none there: {@link #empty}.
     *
     * @throws IOException when one cannot be started (the message names it)
     */
    static ExtensionHost start(Launch launch, Path optDir, Consumer<String> log, Consumer<RuntimeProcess> onStart)
            throws IOException {
        Path dir = optDir.resolve("extensions");
        if (!Files.isDirectory(dir)) {
            return empty(log);
        }
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).sorted().toList();
        }
        if (programs.isEmpty()) {
            return empty(log);
        }
        List<RuntimeProcess> started = new ArrayList<>();
        for (Path program : programs) {
            String name = program.getFileName().toString();
            RuntimeProcess process = RuntimeProcess.start(launch, List.of(program.toString()),
                    line -> log.accept(line), "extension-" + name);
            onStart.accept(process);
            started.add(process);
        }
        return new ExtensionHost(List.copyOf(started), log);
    }

    List<RuntimeProcess> processes() {
        return processes;
    }

    boolean knows(String id) {
        return id != null && registered.containsKey(id);
    }

    boolean isEmpty() {
        return processes.isEmpty() && registered.isEmpty();
    }

    /** An answer of the Extensions or Telemetry API; {@code identifier} goes in Lambda-Extension-Identifier. */
    record Reply(int status, byte[] body, String identifier) {
        static Reply error(int status, String errorType, String message) {
            return new Reply(status, ErrorBodies.runtime(errorType, message), null);
        }
    }

    Reply register(String name, byte[] body, FunctionConfig config) {
        if (name == null || name.isBlank()) {
            return Reply.error(400, "Extension.MissingHeader", "the Lambda-Extension-Name header is missing");
        }
        if (registrationClosed || shutDown) {
            return Reply.error(403, "Extension.RegistrationClosed", "extension " + name + " registered after the "
                    + "init phase: extensions register before the first invocation");
        }
        for (RegisteredExtension extension : registered.values()) {
            if (extension.name.equals(name)) {
                return Reply.error(409, "Extension.AlreadyRegistered", "an extension named " + name
                        + " is already registered (" + extension.id + ")");
            }
        }
        Set<String> events = new LinkedHashSet<>();
        try {
            JsonNode request = TelemetrySubscription.JSON.readTree(body);
            for (JsonNode event : request == null ? TelemetrySubscription.JSON.createArrayNode() : request.path("events")) {
                if (!EVENT_TYPES.contains(event.asText())) {
                    return Reply.error(400, "Extension.InvalidEventType", "extension " + name + " asked for event "
                            + event + ": the events are INVOKE and SHUTDOWN");
                }
                events.add(event.asText());
            }
        } catch (IOException e) {
            return Reply.error(400, "InvalidRequestFormat", "the registration of extension " + name
                    + " is not JSON ({\"events\":[\"INVOKE\",\"SHUTDOWN\"]}): " + e.getMessage());
        }
        RegisteredExtension extension = new RegisteredExtension(Ids.requestId(), name, Set.copyOf(events));
        registered.put(extension.id, extension);
        ObjectNode answer = TelemetrySubscription.JSON.createObjectNode()
                .put("functionName", config.name()).put("functionVersion", "$LATEST").put("handler", config.handler());
        return new Reply(200, RegisteredExtension.utf8(answer.toString()), extension.id);
    }

    /** {@code GET next}: null when the exchange is kept (or answered), else the error to answer. */
    Reply next(String id, Response response, Callback callback) {
        RegisteredExtension extension = lookup(id);
        if (extension == null) {
            return unknown(id);
        }
        extension.next(response, callback);
        return null;
    }

    /** {@code POST /extension/init/error} and {@code /exit/error}: logged, as Lambda logs them. */
    Reply reportError(String id, String phase, String errorType) {
        RegisteredExtension extension = lookup(id);
        if (extension == null) {
            return unknown(id);
        }
        log.accept("EXTENSION\tName: " + extension.name + "\tState: " + phase + "Error\tError Type: "
                + (errorType == null ? LambdaErrorTypes.UNKNOWN : errorType));
        return new Reply(202, RegisteredExtension.utf8("{\"status\":\"OK\"}"), null);
    }

    /** {@code PUT /2022-07-01/telemetry}. */
    Reply subscribe(String id, byte[] body) {
        RegisteredExtension extension = lookup(id);
        if (extension == null) {
            return unknown(id);
        }
        try {
            subscriptions.add(TelemetrySubscription.parse(extension.name, body, log));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "ValidationError", "telemetry subscription of extension " + extension.name
                    + ": " + e.getMessage());
        }
        log.accept("TELEMETRY\tName: " + extension.name + "\tState: Subscribed");
        return new Reply(200, RegisteredExtension.utf8("\"OK\""), null);
    }

    private RegisteredExtension lookup(String id) {
        return id == null ? null : registered.get(id);
    }

    private static Reply unknown(String id) {
        return Reply.error(403, "Extension.UnknownExtensionIdentifier", "no extension is registered with the "
                + "Lambda-Extension-Identifier " + id);
    }

    /** Whether an invocation may start: every extension process registered and waits in {@code next}. */
    boolean readyForInvoke() {
        if (processes.isEmpty() && registered.isEmpty()) {
            return true;
        }
        long alive = processes.stream().filter(p -> p.handle().isAlive()).count();
        return registered.size() >= alive && registered.values().stream().allMatch(RegisteredExtension::ready);
    }

    /** The invocation starts: INVOKE to the extensions that asked for it; registration is closed from now on. */
    void invoke(String requestId, long deadlineMs, String functionArn, String traceId) {
        registrationClosed = true;
        if (registered.isEmpty()) {
            return;
        }
        ObjectNode event = TelemetrySubscription.JSON.createObjectNode().put("eventType", "INVOKE")
                .put("deadlineMs", deadlineMs).put("requestId", requestId).put("invokedFunctionArn", functionArn);
        event.putObject("tracing").put("type", "X-Amzn-Trace-Id").put("value", traceId);
        byte[] json = RegisteredExtension.utf8(event.toString());
        for (RegisteredExtension extension : registered.values()) {
            if (extension.events.contains("INVOKE")) {
                extension.send(json, true);
            }
        }
    }

    /** A Telemetry API event ({@code platform.start}, {@code function}, ...) to the subscribers of its category. */
    void publish(String type, JsonNode record) {
        if (subscriptions.isEmpty()) {
            return;
        }
        ObjectNode event = TelemetrySubscription.JSON.createObjectNode()
                .put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("type", type);
        event.set("record", record);
        String category = type.startsWith("platform.") ? "platform" : type;
        for (TelemetrySubscription subscription : subscriptions) {
            subscription.offer(category, event);
        }
    }

    /** A line the function's runtime wrote. */
    void functionLine(String line) {
        if (!subscriptions.isEmpty()) {
            publish("function", TextNode.valueOf(line));
        }
    }

    /** Whether any extension subscribed to telemetry: without one, no event is even built (the invoke path). */
    boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /**
     * Sends SHUTDOWN (with {@code reason}: spindown, timeout or failure) to the extensions that asked for it, waits
     * up to Lambda's 2,000 ms for every extension process to exit, then kills what is left and sends the
     * remaining telemetry. Blocks: call it without holding the function's lock.
     */
    void shutdown(String reason, Object lock) {
        synchronized (lock) {
            if (isEmpty()) {
                return;
            }
        }
        long deadline = System.currentTimeMillis() + SHUTDOWN_MILLIS;
        List<TelemetrySubscription> subscribers;
        synchronized (lock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            subscribers = List.copyOf(subscriptions);
        }
        // the telemetry still buffered goes out first, so that an extension that exits at SHUTDOWN has it all: up to
        // half of the shutdown phase (on a loaded machine a flush can take hundreds of milliseconds), the other half
        // is the extensions' own
        subscribers.forEach(subscription -> subscription.close(TELEMETRY_FLUSH_MILLIS));
        synchronized (lock) {
            ObjectNode event = TelemetrySubscription.JSON.createObjectNode().put("eventType", "SHUTDOWN")
                    .put("shutdownReason", reason).put("deadlineMs", deadline);
            byte[] json = RegisteredExtension.utf8(event.toString());
            for (RegisteredExtension extension : registered.values()) {
                if (extension.events.contains("SHUTDOWN")) {
                    extension.send(json, false);
                }
            }
        }
        for (RuntimeProcess process : processes) {
            long left = deadline - System.currentTimeMillis();
            if (left > 0) {
                process.awaitExit(left); // killed below when it did not exit
            }
        }
        for (RuntimeProcess process : processes) {
            if (process.handle().isAlive()) {
                log.accept("EXTENSION\tpid " + process.pid() + " did not exit within the " + SHUTDOWN_MILLIS
                        + " ms shutdown phase: killed");
            }
            process.kill();
        }
        synchronized (lock) {
            registered.values().forEach(RegisteredExtension::abandon);
        }
    }
}
