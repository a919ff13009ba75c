package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** One invocation on its way through a function: queued, started (runtime starting), delivered, done. */
final class Invocation {
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    enum State { QUEUED, STARTED, DELIVERED, DONE }

    private final String requestId = Ids.requestId();
    private final byte[] payload;
    private final String clientContextJson;
    private final String cognitoIdentity;
    private final LogTail tail;
    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

    State state = State.QUEUED;
    RuntimeProcess process;
    boolean coldStart;
    Double initDurationMs;
    long deliveredNanos;
    /** When the emulator times it out (System.nanoTime), 0 when no deadline is armed. */
    long deadlineNanos;
    /** Set when the runtime answered with a streamed response. */
    boolean streaming;
    /** The error type the runtime gave (a streamed response's trailer, or the /error header). */
    String streamErrorType;

    /** Where a streamed response goes; a buffer unless the caller streams it on. */
    final StreamSink sink;

    Invocation(InvokeRequest request, StreamSink sink) {
        this.sink = sink == null ? new BufferingStreamSink() : sink;
        this.payload = request.payload().length == 0 ? EMPTY_EVENT : request.payload();
        this.clientContextJson = decodeClientContext(request.clientContext());
        this.cognitoIdentity = request.cognitoIdentity();
        this.tail = request.logType() == LogType.TAIL ? new LogTail() : null;
    }

    private static String decodeClientContext(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvokeApiException(400, ErrorTypes.INVALID_PARAMETER,
                    "Client context must be a valid Base64-encoded JSON object, got: " + base64);
        }
    }

    String requestId() {
        return requestId;
    }

    byte[] payload() {
        return payload;
    }

    String clientContextJson() {
        return clientContextJson;
    }

    String cognitoIdentity() {
        return cognitoIdentity;
    }

    /** The log kept for {@code X-Amz-Log-Result}, or null when the caller did not ask for it. */
    LogTail tail() {
        return tail;
    }

    CompletableFuture<InvokeResult> result() {
        return result;
    }

    boolean isDone() {
        return state == State.DONE;
    }

    /** Milliseconds since the runtime received the event (0 when it never did). */
    /** Set when the emulator ends the invocation itself (a timeout): its duration stops there, not after the kill. */
    long endedNanos;
    /** Max Memory Used, when it had to be read before the process was killed. */
    int maxMemoryUsedMb;

    double durationMs() {
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        return deliveredNanos == 0 ? 0 : (end - deliveredNanos) / 1e6;
    }
}
