package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;

/** An answer of the Runtime API to the runtime: a status and a JSON body. */
record RuntimeReply(int status, byte[] body) {
    /** 200 with no body: the answer to SnapStart's {@code GET restore/next}. */
    static final RuntimeReply OK_EMPTY = new RuntimeReply(200, new byte[0]);
    static final RuntimeReply ACCEPTED = new RuntimeReply(202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));

    static RuntimeReply error(int status, String errorType, String message) {
        return new RuntimeReply(status, ErrorBodies.runtime(errorType, message));
    }

    static RuntimeReply unknownId(String requestId) {
        return error(400, ErrorTypes.INVALID_REQUEST_ID, "Invalid request ID: " + requestId
                + " is not the invocation in flight");
    }

    static RuntimeReply alreadyAnswered(String requestId) {
        return error(403, ErrorTypes.INVALID_STATE_TRANSITION, "Invocation " + requestId
                + " has already been answered (response or error already received)");
    }
}
