package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.RuntimeApiHeaders;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A runtime's {@code GET /runtime/invocation/next} waiting for an event: the Jetty response and callback are
 * kept (no thread waits) and completed when an invocation is delivered.
 */
final class ParkedNext {
    private final Response response;
    private final Callback callback;

    ParkedNext(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** Answers 200 with the event and the invocation's headers. */
    void deliver(HostedInvocation invocation, String functionArn, long deadlineEpochMs, String traceId) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(RuntimeApiHeaders.REQUEST_ID, invocation.requestId());
        headers.put(RuntimeApiHeaders.DEADLINE_MS, Long.toString(deadlineEpochMs));
        headers.put(RuntimeApiHeaders.INVOKED_FUNCTION_ARN, functionArn);
        headers.put(RuntimeApiHeaders.TRACE_ID, traceId);
        if (invocation.clientContextJson() != null) {
            headers.put(RuntimeApiHeaders.CLIENT_CONTEXT, invocation.clientContextJson());
        }
        if (invocation.cognitoIdentity() != null) {
            headers.put(RuntimeApiHeaders.COGNITO_IDENTITY, invocation.cognitoIdentity());
        }
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, invocation.payload().length);
        response.setStatus(200);
        response.write(true, ByteBuffer.wrap(invocation.payload()), callback);
    }

    /** The runtime that asked is gone: release the exchange. */
    void abandon(String why) {
        callback.failed(new IOException(why));
    }
}
