package dev.lambdabridge.emulator;

/** Lambda's size limits, and the emulator's own cap on bodies it reads only to discard them. */
public final class Limits {
    /** Synchronous invoke payload: 6 MB. */
    public static final int SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Asynchronous (Event) invoke payload: Lambda's documented 1 MB (it was 256 KB), as 1 MiB. */
    public static final int EVENT_PAYLOAD_BYTES = 1024 * 1024;
    /** Runtime response payload, as AWS's runtime interface emulator counts it: 6 MiB + 100 bytes. */
    public static final int RESPONSE_PAYLOAD_BYTES = 6 * 1024 * 1024 + 100;
    /** A streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}): Lambda's 200 MB, as 200 MiB. */
    public static final long STREAM_RESPONSE_BYTES = 200L * 1024 * 1024;
    /** Oversized bodies are read and dropped up to this size (the connection stays open), closed above it. */
    public static final long DISCARD_CAP_BYTES = 64L * 1024 * 1024;
    /** The {@code X-Amz-Log-Result} tail: the last 4 KB of an invocation's log. */
    public static final int LOG_TAIL_BYTES = 4096;
    /** A child's log line longer than this is split, as Lambda splits long lines. */
    public static final int LOG_LINE_BYTES = 256 * 1024;

    private Limits() {
    }
}
