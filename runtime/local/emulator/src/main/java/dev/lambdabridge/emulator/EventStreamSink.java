package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answer of {@code InvokeWithResponseStream} ({@code POST /2021-11-15/functions/NAME/response-streaming-invocations}),
 * what the AWS SDKs' {@code invokeWithResponseStream} read: {@code application/vnd.amazon.eventstream}, each chunk
 * of the function's response as a {@code PayloadChunk} event as it arrives, then one {@code InvokeComplete} event
 * ({@code ErrorCode}, {@code ErrorDetails} when the function failed, {@code LogResult} with {@code Tail}). A
 * function that answers buffered gets its whole response as one PayloadChunk.
 *
 * <p>The event-stream message format (AWS's binary framing): total length, headers length, CRC32 of those eight
 * bytes, the headers (name length, name, type 7 = string, value length, value), the payload, CRC32 of it all.
 * Written here by hand: it is twenty lines, and the SDK's own encoder is not a dependency the emulator has.
 */
final class EventStreamSink extends InvokeStreamSink {
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    EventStreamSink(Response response, Callback callback) {
        super(response, callback);
    }

    @Override
    protected void commitHeaders(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    }

    @Override
    protected ByteBuffer frame(ByteBuffer bytes) {
        byte[] payload = new byte[bytes.remaining()];
        bytes.get(payload);
        return ByteBuffer.wrap(message("PayloadChunk", "application/octet-stream", payload));
    }

    @Override
    protected ByteBuffer last(InvokeResult result, String errorType) {
        ObjectNode complete = TelemetrySubscription.JSON.createObjectNode();
        if (result.functionError() != null) {
            complete.put("ErrorCode", errorType == null ? result.functionError() : errorType);
            complete.put("ErrorDetails", new String(result.payload(), StandardCharsets.UTF_8));
        }
        if (result.logTail() != null) {
            complete.put("LogResult", logResult(result));
        }
        return ByteBuffer.wrap(message("InvokeComplete", "application/json",
                complete.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A function that answered buffered (or failed before streaming): one PayloadChunk, then InvokeComplete. */
    @Override
    public void unstreamed(InvokeResult result, String errorType) {
        synchronized (this) {
            requestId = result.requestId();
        }
        commit();
        if (result.functionError() == null && result.payload().length > 0) {
            write(ByteBuffer.wrap(result.payload()), Callback.NOOP);
        }
        end(result, errorType);
    }

    static byte[] message(String eventType, String contentType, byte[] payload) {
        byte[] headers = concat(header(":event-type", eventType), header(":content-type", contentType),
                header(":message-type", "event"));
        int total = 12 + headers.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(headers.length);
        message.putInt(crc(message.array(), 8));
        message.put(headers).put(payload);
        message.putInt(crc(message.array(), total - 4));
        return message.array();
    }

    private static byte[] header(String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + n.length + 1 + 2 + v.length).put((byte) n.length).put(n).put((byte) 7)
                .putShort((short) v.length).put(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
