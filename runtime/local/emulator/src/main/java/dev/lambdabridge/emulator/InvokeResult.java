package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;

/**
 * What an invocation returned, as the Invoke API reports it.
 *
 * @param statusCode      200 (RequestResponse), 202 (Event) or 204 (DryRun)
 * @param functionError   null, or {@code Unhandled} when the function failed (payload holds the error)
 * @param logTail         the decoded log tail when {@link LogType#TAIL} was asked for, else null
 * @param initDurationMs  the runtime's init time when this invocation started it, null when warm
 * @param maxMemoryUsedMb VmHWM of the runtime process and its descendants, in MB
 * @param pid             the runtime process that served it (0 when none did)
 */
public record InvokeResult(
        int statusCode, byte[] payload, String functionError, String logTail, String requestId,
        double durationMs, Double initDurationMs, int maxMemoryUsedMb, long pid) {

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean isFunctionError() {
        return functionError != null;
    }
}
