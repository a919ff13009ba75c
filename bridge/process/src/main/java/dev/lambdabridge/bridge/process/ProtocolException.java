package dev.lambdabridge.bridge.process;

/** The worker broke the framing rules; the message says what was wrong and shows the offending bytes. */
final class ProtocolException extends Exception {
    ProtocolException(String message) {
        super(message, null, false, false);
    }
}
