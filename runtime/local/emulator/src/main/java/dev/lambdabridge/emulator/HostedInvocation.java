package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation on its way through a function. Its states: QUEUED (waiting for a free slot) → STARTED (given a
 * sandbox, waiting for the runtime's {@code GET next}) → DELIVERED (the runtime has the event) → DONE; a STARTED
 * invocation whose sandbox went away before delivery goes back to QUEUED, and any state may end in DONE (a
 * timeout, a crash, the emulator closing). Guarded by its function's lock. (The emulator's side of an invocation;
 * runtime/core's {@code Invocation} is the event as the runtime's {@code GET next} received it.)
 */
final class HostedInvocation {
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    enum State { QUEUED, STARTED, DELIVERED, DONE }

    private final String requestId = Ids.requestId();
    private final byte[] payload;
    private final String clientContextJson;
    private final String cognitoIdentity;
    private final LogTail tail;
    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

    private State state = State.QUEUED;
    /** The execution environment serving it, from STARTED on (null while QUEUED, or when none could start). */
    Sandbox sandbox;
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

    HostedInvocation(InvokeRequest request, StreamSink sink) {
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

    State state() {
        return state;
    }

    boolean isDone() {
        return state == State.DONE;
    }

    boolean isDelivered() {
        return state == State.DELIVERED;
    }

    /** QUEUED → STARTED: it has a slot; its sandbox is set by the caller. */
    void start() {
        move(State.QUEUED, State.STARTED);
    }

    /** STARTED → DELIVERED: the runtime got the event; its duration counts from now. */
    void deliver() {
        move(State.STARTED, State.DELIVERED);
        deliveredNanos = System.nanoTime();
    }

    /** STARTED → QUEUED: its sandbox went away before the runtime asked for it; a fresh one will serve it. */
    void requeue() {
        move(State.STARTED, State.QUEUED);
        sandbox = null;
        coldStart = false;
        deadlineNanos = 0;
    }

    /** Any state but DONE → DONE. */
    void done() {
        if (state == State.DONE) {
            throw new IllegalStateException("invocation " + requestId + " is already done");
        }
        state = State.DONE;
        deadlineNanos = 0;
    }

    private void move(State from, State to) {
        if (state != from) {
            throw new IllegalStateException("invocation " + requestId + " cannot go from " + state + " to " + to
                    + " (only from " + from + ")");
        }
        state = to;
    }

    /** The runtime process serving it, or null. */
    RuntimeProcess process() {
        return sandbox == null ? null : sandbox.runtime();
    }

    /** Set when the emulator ends the invocation itself (a timeout): its duration stops there, not after the kill. */
    long endedNanos;
    /** Max Memory Used, when it had to be read before the process was killed. */
    int maxMemoryUsedMb;

    /** Milliseconds since the runtime received the event (0 when it never did). */
    double durationMs() {
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        return deliveredNanos == 0 ? 0 : (end - deliveredNanos) / 1e6;
    }
}
