package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One extension's Telemetry API subscription ({@code PUT /2022-07-01/telemetry}): the event types it asked for
 * ({@code platform}, {@code function}, {@code extension}), its buffering, and a sender that POSTs the events as
 * JSON arrays to its HTTP destination, as Lambda does: a batch goes when {@code maxItems} or {@code maxBytes} is
 * reached or {@code timeoutMs} after its first event. {@code sandbox.localdomain} in the destination is this
 * machine (127.0.0.1).
 */
final class TelemetrySubscription {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The one HTTP client of the Telemetry API, made at the first subscription (it keeps a selector thread). */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    private final String extensionName;
    private final URI destination;
    private final Set<String> types;
    private final int maxItems;
    private final int maxBytes;
    private final long timeoutMs;
    private final Consumer<String> log;
    private final LinkedBlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean closing;

    private TelemetrySubscription(String extensionName, URI destination, Set<String> types, int maxItems,
                                  int maxBytes, long timeoutMs, Consumer<String> log) {
        this.extensionName = extensionName;
        this.destination = destination;
        this.types = types;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
        this.log = log;
        this.sender = Thread.ofVirtual().name("telemetry-" + extensionName).start(this::run);
    }

    /**
     * Parses a subscription request as Lambda validates it.
     *
     * @throws IllegalArgumentException with the message Lambda's ValidationError would carry
     */
    static TelemetrySubscription parse(String extensionName, byte[] body, Consumer<String> log) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the subscription is not JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("the subscription must be a JSON object");
        }
        JsonNode destination = request.path("destination");
        if (!"HTTP".equals(destination.path("protocol").asText())) {
            throw new IllegalArgumentException("destination.protocol must be HTTP (TCP is not supported by the "
                    + "lambda-bridge emulator), got " + destination.path("protocol"));
        }
        URI uri;
        try {
            uri = URI.create(destination.path("URI").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("destination.URI is not a URI: " + destination.path("URI"));
        }
        if (!"http".equals(uri.getScheme()) || !"sandbox.localdomain".equals(uri.getHost()) || uri.getPort() < 1) {
            throw new IllegalArgumentException("destination.URI must be http://sandbox.localdomain:PORT/..., got "
                    + destination.path("URI").asText());
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : request.path("types")) {
            String name = type.asText();
            if (!Set.of("platform", "function", "extension").contains(name)) {
                throw new IllegalArgumentException("types may hold platform, function and extension, got " + type);
            }
            types.add(name);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must name at least one of platform, function, extension");
        }
        JsonNode buffering = request.path("buffering");
        int maxItems = bounded(buffering, "maxItems", 1000, 25, 10_000);
        int maxBytes = bounded(buffering, "maxBytes", 256 * 1024, 256 * 1024, 1024 * 1024);
        int timeoutMs = bounded(buffering, "timeoutMs", 1000, 25, 30_000);
        URI local = URI.create("http://127.0.0.1:" + uri.getPort() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        return new TelemetrySubscription(extensionName, local, Set.copyOf(types), maxItems, maxBytes, timeoutMs, log);
    }

    private static int bounded(JsonNode buffering, String name, int fallback, int min, int max) {
        JsonNode value = buffering.path(name);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException("buffering." + name + " must be an integer from " + min + " to " + max
                    + ", got " + value);
        }
        return value.asInt();
    }

    /**
     * Queues an event whose category ({@code platform} for {@code platform.*}) was subscribed to. Also while the
     * subscription closes: an invocation's last events (its runtimeDone and report, the log lines the runtime wrote
     * before it answered) can race the shutdown, and they go out with the final flush as long as it runs.
     */
    void offer(String category, ObjectNode event) {
        if (types.contains(category) && sender.isAlive()) {
            queue.add(event);
        }
    }

    private void run() {
        List<ObjectNode> batch = new ArrayList<>();
        int bytes = 0;
        long due = 0;
        while (true) {
            try {
                long wait = batch.isEmpty() ? 200 : Math.max(0, due - System.nanoTime()) / 1_000_000;
                ObjectNode event = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (event != null) {
                    if (batch.isEmpty()) {
                        due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
                    }
                    batch.add(event);
                    bytes += event.toString().length();
                }
                boolean full = batch.size() >= maxItems || bytes >= maxBytes;
                if (!batch.isEmpty() && (full || System.nanoTime() - due >= 0 || (closing && queue.isEmpty()))) {
                    send(batch);
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                if (closing && queue.isEmpty() && batch.isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(List<ObjectNode> batch) {
        ArrayNode array = JSON.createArrayNode().addAll(batch);
        HttpRequest request = HttpRequest.newBuilder(destination).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(array.toString())).build();
        try {
            HttpResponse<Void> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.accept("emulator: telemetry for extension " + extensionName + ": " + destination + " answered HTTP "
                        + response.statusCode() + " to a batch of " + batch.size() + " events");
            }
        } catch (java.io.IOException e) {
            log.accept("emulator: telemetry for extension " + extensionName + ": cannot POST " + batch.size()
                    + " events to " + destination + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends what is queued (waiting up to {@code maxMillis}), then stops; says so in the log when the destination
     * did not take it all in time, so that lost telemetry is never silent.
     */
    void close(long maxMillis) {
        closing = true;
        try {
            sender.join(Duration.ofMillis(maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
            log.accept("emulator: telemetry for extension " + extensionName + ": " + destination + " did not take the"
                    + " last events within " + maxMillis + " ms of the shutdown phase; " + queue.size()
                    + " still queued are dropped");
        }
    }
}
