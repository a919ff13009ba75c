package dev.lambdabridge.bridge.process;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The wording of what goes wrong with one worker: each error says what the worker did, what the bridge did about
 * it, and ends with the worker's last stderr lines; and the notes the function's log gets.
 */
final class WorkerFailures {
    private final String display;
    private final Supplier<String> tail;

    /**
     * @param display how the worker is named ({@code worker "php worker.php"})
     * @param tail    its last stderr lines as a message suffix, taken when an error is made
     */
    WorkerFailures(String display, Supplier<String> tail) {
        this.display = display;
        this.tail = tail;
    }

    static BridgeError socketNotOpened(String display, IOException cause) {
        return new BridgeError(BridgeError.WORKER_PROTOCOL, "Cannot open the socket for " + display + ": " + cause);
    }

    BridgeError didNotConnect(long readyByMillis) {
        return new BridgeError(BridgeError.WORKER_TIMEOUT, display + " did not connect to " + Worker.SOCKET_VARIABLE
                + " in time (by " + Instant.ofEpochMilli(readyByMillis) + "); it was killed" + tail.get());
    }

    BridgeError noReadyInTime() {
        return new BridgeError(BridgeError.WORKER_TIMEOUT, display + " did not send READY in time; it was killed"
                + tail.get());
    }

    BridgeError exitedBeforeReady(int status, String when) {
        return new BridgeError(BridgeError.WORKER_EXITED, display + " exited with " + ProcessTree.describeStatus(status)
                + " " + when + tail.get());
    }

    BridgeError closedBeforeReady(String when) {
        return new BridgeError(BridgeError.WORKER_PROTOCOL, display + " closed its connection " + when
                + " but did not exit; it was killed" + tail.get());
    }

    BridgeError brokeProtocolBeforeReady(ProtocolException cause) {
        return new BridgeError(BridgeError.WORKER_PROTOCOL, display + " broke the protocol before it was ready: "
                + cause.getMessage() + tail.get());
    }

    BridgeError resultTooLarge(long length) {
        return new BridgeError(BridgeError.WORKER_RESPONSE_TOO_LARGE, display + " answered with a RESULT of " + length
                + " bytes, over Lambda's response limit of " + Frames.MAX_REPLY_BYTES + " bytes; it was stopped and a "
                + "new one starts at the next invocation");
    }

    BridgeError brokeProtocol(ProtocolException cause) {
        return new BridgeError(BridgeError.WORKER_PROTOCOL, display + " broke the protocol: " + cause.getMessage()
                + "; it was stopped and a new one starts at the next invocation" + tail.get());
    }

    BridgeError exitedWhileServing(int status) {
        return new BridgeError(BridgeError.WORKER_EXITED, display + " exited with " + ProcessTree.describeStatus(status)
                + " while it served the invocation; a new one starts at the next invocation" + tail.get());
    }

    BridgeError closedWithoutAnswer(IOException cause) {
        return new BridgeError(BridgeError.WORKER_PROTOCOL, display + " closed its connection (" + cause.getMessage()
                + ") without answering and without exiting; it was killed and a new one starts at the next invocation"
                + tail.get());
    }

    BridgeError timedOut(long killAtMillis) {
        return new BridgeError(BridgeError.WORKER_TIMEOUT, display + " did not answer before the deadline: it was "
                + "killed at " + Instant.ofEpochMilli(killAtMillis) + ", shortly before the function's timeout, and a "
                + "new one starts at the next invocation" + tail.get());
    }

    String readyNote(long pid, long millis) {
        return display + " (pid " + pid + ") is ready, " + millis + " ms after its start";
    }

    String exitedNote(long pid, int status) {
        return display + " (pid " + pid + ") exited with " + ProcessTree.describeStatus(status) + "; a new one starts "
                + "at the next invocation";
    }

    String strayDataNote(byte[] stray, int length) {
        return display + " sent data after its last answer: " + Utf8.escape(stray, 0, length, Frames.SHOWN_BYTES)
                + "; starting a new one";
    }
}
