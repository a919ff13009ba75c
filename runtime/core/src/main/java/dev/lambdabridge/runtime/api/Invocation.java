package dev.lambdabridge.runtime.api;

/**
 * One event as {@code GET /runtime/invocation/next} delivered it: the payload and the per-invocation values
 * Lambda sends as headers. Header values are raw strings; parsing them (client context, identity) is left to
 * whoever needs them, so that handlers which never look pay nothing.
 */
public record Invocation(
        String requestId,
        long deadlineMs,
        String invokedFunctionArn,
        String traceId,
        String clientContextJson,
        String cognitoIdentityJson,
        byte[] payload) {

    /** Milliseconds left before Lambda's deadline for this invocation, never negative. */
    public long remainingTimeMillis() {
        return Math.max(0, deadlineMs - System.currentTimeMillis());
    }
}
