package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.contract.RuntimeApiHeaders;

import java.util.Base64;

/**
 * The runtime's answers to its invocations ({@code POST /runtime/invocation/{id}/response} and {@code /error},
 * a streamed response's start and end, a response over the limit), with the Runtime API's refusals: 400 for an
 * id the function never gave out, 403 for an invocation already answered or not delivered. Each accepted answer
 * ends the invocation through {@link Completion}. Guarded by the function's lock.
 */
final class RuntimeAnswers {
    private static final int RECENT_IDS = 64;

    /** Ends an invocation the runtime answered. */
    interface Completion {
        void complete(HostedInvocation invocation, Outcome outcome);
    }

    /** What {@link #streamStart} decided: a refusal for the runtime, or the sink the stream goes to. */
    record StreamOpening(RuntimeReply refusal, StreamSink sink) {
    }

    private final Dispatcher dispatcher;
    private final PlatformLog log;
    private final Completion completion;
    private final RecentIds answered = new RecentIds(RECENT_IDS);

    RuntimeAnswers(Dispatcher dispatcher, PlatformLog log, Completion completion) {
        this.dispatcher = dispatcher;
        this.log = log;
        this.completion = completion;
    }

    /** Remembers that {@code requestId} was answered (by the runtime or by the emulator). */
    void answered(String requestId) {
        answered.add(requestId);
    }

    RuntimeReply response(String requestId, byte[] body) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return refusal(requestId);
        }
        completion.complete(current, Outcome.success(body));
        return RuntimeReply.ACCEPTED;
    }

    RuntimeReply error(String requestId, byte[] body, String errorTypeHeader) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return refusal(requestId);
        }
        if (errorTypeHeader != null) {
            logErrorType(current, errorTypeHeader);
        }
        completion.complete(current, Outcome.functionError(body));
        return RuntimeReply.ACCEPTED;
    }

    /** A streamed response begins ({@code Lambda-Runtime-Function-Response-Mode: streaming}). */
    StreamOpening streamStart(String requestId, String contentType) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return new StreamOpening(refusal(requestId), null);
        }
        if (current.streaming) {
            return new StreamOpening(RuntimeReply.error(403, ErrorTypes.INVALID_STATE_TRANSITION,
                    "Invocation " + requestId + " is already streaming its response"), null);
        }
        current.streaming = true;
        current.sink.start(requestId, contentType);
        return new StreamOpening(null, current.sink);
    }

    /**
     * The streamed response ended; with {@code errorType} (the trailer) the function failed part-way, and
     * {@code errorBodyBase64} is its error JSON.
     */
    RuntimeReply streamEnd(String requestId, String errorType, String errorBodyBase64) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return refusal(requestId);
        }
        if (errorType == null) {
            completion.complete(current, Outcome.success(current.sink.buffered()));
            return RuntimeReply.ACCEPTED;
        }
        logErrorType(current, errorType);
        completion.complete(current, Outcome.functionError(decodeErrorBody(errorType, errorBodyBase64)));
        return RuntimeReply.ACCEPTED;
    }

    /** A streamed response went over 200 MB: the invocation fails with Function.ResponseSizeTooLarge; 413. */
    RuntimeReply streamTooLarge(String requestId) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return refusal(requestId);
        }
        String message = "Response payload size exceeded maximum allowed payload size ("
                + LambdaLimits.STREAM_RESPONSE_BYTES + " bytes).";
        current.streamErrorType = LambdaErrorTypes.RESPONSE_TOO_LARGE;
        log.line(current.tail(), "RequestId: " + requestId + " Error: " + message);
        completion.complete(current,
                Outcome.functionError(ErrorBodies.runtime(LambdaErrorTypes.RESPONSE_TOO_LARGE, message)));
        return RuntimeReply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE, "Exceeded maximum allowed streamed payload size ("
                + LambdaLimits.STREAM_RESPONSE_BYTES + " bytes) for " + requestId);
    }

    /** A response over the size limit: the invocation fails with Function.ResponseSizeTooLarge; answers 413. */
    RuntimeReply responseTooLarge(String requestId) {
        HostedInvocation current = answerable(requestId);
        if (current == null) {
            return refusal(requestId);
        }
        String message = "Response payload size exceeded maximum allowed payload size ("
                + LambdaLimits.RESPONSE_PAYLOAD_BYTES + " bytes).";
        completion.complete(current,
                Outcome.functionError(ErrorBodies.runtime(LambdaErrorTypes.RESPONSE_TOO_LARGE, message)));
        return RuntimeReply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE, "Exceeded maximum allowed payload size ("
                + LambdaLimits.RESPONSE_PAYLOAD_BYTES + " bytes), got a larger response for " + requestId);
    }

    private void logErrorType(HostedInvocation current, String errorType) {
        log.line(current.tail(), "RequestId: " + current.requestId() + " Function error type: " + errorType);
        current.streamErrorType = errorType;
    }

    /** The delivered invocation with this id, or null. */
    private HostedInvocation answerable(String requestId) {
        HostedInvocation current = dispatcher.inFlight(requestId);
        return current != null && current.isDelivered() ? current : null;
    }

    private RuntimeReply refusal(String requestId) {
        return answered.contains(requestId) ? RuntimeReply.alreadyAnswered(requestId)
                : RuntimeReply.unknownId(requestId);
    }

    private static byte[] decodeErrorBody(String errorType, String base64) {
        if (base64 != null) {
            try {
                return Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                return ErrorBodies.runtime(errorType, "the runtime sent a " + RuntimeApiHeaders.FUNCTION_ERROR_BODY
                        + " trailer that is not base64: " + base64);
            }
        }
        return ErrorBodies.runtime(errorType, "the function's response stream failed (no "
                + RuntimeApiHeaders.FUNCTION_ERROR_BODY + " trailer)");
    }
}
