package dev.lambdabridge.emulator;

/**
 * How an invocation ended, as the runtime (or the emulator, for timeouts and crashes) decided it.
 *
 * @param payload       the response, or the error JSON
 * @param functionError whether the invoke result carries {@code X-Amz-Function-Error: Unhandled}
 * @param status        the REPORT line's {@code Status} (null, {@code timeout}, {@code error})
 * @param errorType     the REPORT line's {@code Error Type}, or null
 */
record Outcome(byte[] payload, boolean functionError, String status, String errorType) {

    static Outcome success(byte[] payload) {
        return new Outcome(payload, false, null, null);
    }

    /** The runtime reported the error itself ({@code /error}, {@code /init/error}). */
    static Outcome functionError(byte[] errorJson) {
        return new Outcome(errorJson, true, null, null);
    }

    /** The emulator ended the invocation: timeout, crash, oversized response, runtime that did not start. */
    static Outcome platformError(String errorType, String message, String status) {
        return new Outcome(ErrorBodies.runtime(errorType, message), true, status, status == null ? null : errorType);
    }
}
