package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a whole JSON answer (status, Content-Type, Content-Length, body) in one non-blocking write. */
final class HttpReplies {
    static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, "close");

    private HttpReplies() {
    }

    static void json(Response response, Callback callback, int status, byte[] body) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(JSON);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Same, then closes the connection (used when a body was too big to read to its end). */
    static void jsonAndClose(Response response, Callback callback, int status, byte[] body) {
        response.getHeaders().put(CLOSE);
        json(response, callback, status, body);
    }

    static void runtime(Response response, Callback callback, RuntimeReply reply) {
        json(response, callback, reply.status(), reply.body());
    }
}
