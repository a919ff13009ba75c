package dev.lambdabridge.contract;

/** Lambda's size and time limits, as the runtime, its bridges and the emulator apply them. */
public final class LambdaLimits {
    /** Synchronous invoke payload: 6 MB. */
    public static final int SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Asynchronous (Event) invoke payload: Lambda's documented 1 MB (it was 256 KB), as 1 MiB. */
    public static final int EVENT_PAYLOAD_BYTES = 1024 * 1024;
    /** A function's response: 6 MiB, plus the 100 bytes AWS's runtime interface emulator allows. */
    public static final int RESPONSE_PAYLOAD_BYTES = 6 * 1024 * 1024 + 100;
    /** A streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}): Lambda's 200 MB, as 200 MiB. */
    public static final long STREAM_RESPONSE_BYTES = 200L * 1024 * 1024;
    /** The {@code X-Amz-Log-Result} tail: the last 4 KB of an invocation's log. */
    public static final int LOG_TAIL_BYTES = 4096;
    /** A log line longer than this is split, as Lambda splits long lines. */
    public static final int LOG_LINE_BYTES = 256 * 1024;
    /** The init phase of an on-demand function: 10 s. */
    public static final long INIT_MILLIS = 10_000;

    private LambdaLimits() {
    }
}
