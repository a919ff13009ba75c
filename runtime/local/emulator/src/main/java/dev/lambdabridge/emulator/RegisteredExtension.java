package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An extension that registered through {@code POST /2020-01-01/extension/register}: its identifier, name and
 * events, and its {@code GET /event/next} while it waits (answered with the next event, or kept until there is
 * one). Guarded by the lock of its {@link HostedFunction}.
 */
final class RegisteredExtension {
    final String id;
    final String name;
    final Set<String> events;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private Response parkedResponse;
    private Callback parkedCallback;
    /** Set when it got an INVOKE and has not asked for the next event since: the invocation is not over for it. */
    private boolean busy;

    RegisteredExtension(String id, String name, Set<String> events) {
        this.id = id;
        this.name = name;
        this.events = events;
    }

    /** Its {@code GET next}: answered at once when an event waits, else kept. */
    void next(Response response, Callback callback) {
        busy = false;
        if (parkedCallback != null) {
            parkedCallback.failed(new IllegalStateException("extension " + name + " asked for the next event twice"));
        }
        parkedResponse = response;
        parkedCallback = callback;
        sendPending();
    }

    /** Hands over an event (INVOKE or SHUTDOWN JSON), now or at its next {@code GET next}. */
    void send(byte[] eventJson, boolean invoke) {
        pending.add(eventJson);
        busy |= invoke;
        sendPending();
    }

    private void sendPending() {
        if (parkedCallback == null || pending.isEmpty()) {
            return;
        }
        byte[] event = pending.poll();
        Response response = parkedResponse;
        Callback callback = parkedCallback;
        parkedResponse = null;
        parkedCallback = null;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("Lambda-Extension-Event-Identifier", Ids.requestId());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, event.length);
        response.write(true, ByteBuffer.wrap(event), callback);
    }

    /** Ready for an invocation: waiting in {@code GET next} and done with the last one. */
    boolean ready() {
        return parkedCallback != null && !busy && pending.isEmpty();
    }

    boolean busy() {
        return busy;
    }

    /** Its process is gone: releases a waiting {@code GET next}. */
    void abandon() {
        if (parkedCallback != null) {
            parkedCallback.failed(new java.io.IOException("extension " + name + " is shut down"));
            parkedCallback = null;
            parkedResponse = null;
        }
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
