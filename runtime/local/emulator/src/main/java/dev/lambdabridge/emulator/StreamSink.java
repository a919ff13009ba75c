package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;

/**
 * Where the bytes of a streamed response go while the runtime sends them: to the Invoke API caller as they
 * arrive ({@link InvokeStreamSink}), or into a buffer for callers of {@link Emulator#invoke} ({@link
 * BufferingStreamSink}). One chunk at a time: the runtime's next chunk is read only when {@code done} is called,
 * so a slow caller slows the runtime down instead of filling the emulator's memory. Public so that a front door
 * outside this package (the function URLs of scripts/serve-api) can stream a response to its own HTTP client.
 */
public interface StreamSink {

    /** The runtime started streaming the response of {@code requestId} with this content type (may be null). */
    void start(String requestId, String contentType);

    /** Passes one chunk on; calls {@code done} when it may be reused. Never fails {@code done}. */
    void write(ByteBuffer bytes, Callback done);

    /** Whether bytes already reached the caller (then the result travels as trailers, not as a body). */
    boolean committed();

    /** The invocation ended after {@link #committed()}: finish the caller's response with the outcome. */
    void end(InvokeResult result, String errorType);

    /**
     * The invocation ended without streaming (a buffered response, an error, a timeout before any byte). Nothing
     * to do for most sinks: the caller gets the result as usual; one that must answer in its own format does it
     * here, and is {@link #committed()} afterwards.
     */
    default void unstreamed(InvokeResult result, String errorType) {
    }

    /** The bytes kept for the invocation's result (a buffering sink), or an empty array. */
    byte[] buffered();
}
