package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.ProcessTree;
import dev.lambdabridge.runtime.errors.GuestError;

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

    static GuestError socketNotOpened(String display, IOException cause) {
        return new GuestError(ProcessErrorTypes.WORKER_PROTOCOL, "Cannot open the socket for " + display + ": " + cause);
    }

    GuestError didNotConnect(long readyByMillis) {
        return new GuestError(ProcessErrorTypes.WORKER_TIMEOUT, display + " did not connect to " + Worker.SOCKET_VARIABLE
                + " in time (by " + Instant.ofEpochMilli(readyByMillis) + "); it was killed" + tail.get());
    }

    GuestError noReadyInTime() {
        return new GuestError(ProcessErrorTypes.WORKER_TIMEOUT, display + " did not send READY in time; it was killed"
                + tail.get());
    }

    GuestError exitedBeforeReady(int status, String when) {
        return new GuestError(ProcessErrorTypes.WORKER_EXITED, display + " exited with " + ProcessTree.describeStatus(status)
                + " " + when + tail.get());
    }

    GuestError closedBeforeReady(String when) {
        return new GuestError(ProcessErrorTypes.WORKER_PROTOCOL, display + " closed its connection " + when
                + " but did not exit; it was killed" + tail.get());
    }

    GuestError brokeProtocolBeforeReady(ProtocolException cause) {
        return new GuestError(ProcessErrorTypes.WORKER_PROTOCOL, display + " broke the protocol before it was ready: "
                + cause.getMessage() + tail.get());
    }

    GuestError resultTooLarge(long length) {
        return new GuestError(ProcessErrorTypes.WORKER_RESPONSE_TOO_LARGE, display + " answered with a RESULT of " + length
                + " bytes, over Lambda's response limit of " + Frames.MAX_REPLY_BYTES + " bytes; it was stopped and a "
                + "new one starts at the next invocation");
    }

    GuestError brokeProtocol(ProtocolException cause) {
        return new GuestError(ProcessErrorTypes.WORKER_PROTOCOL, display + " broke the protocol: " + cause.getMessage()
                + "; it was stopped and a new one starts at the next invocation" + tail.get());
    }

    GuestError exitedWhileServing(int status) {
        return new GuestError(ProcessErrorTypes.WORKER_EXITED, display + " exited with " + ProcessTree.describeStatus(status)
                + " while it served the invocation; a new one starts at the next invocation" + tail.get());
    }

    GuestError closedWithoutAnswer(IOException cause) {
        return new GuestError(ProcessErrorTypes.WORKER_PROTOCOL, display + " closed its connection (" + cause.getMessage()
                + ") without answering and without exiting; it was killed and a new one starts at the next invocation"
                + tail.get());
    }

    GuestError timedOut(long killAtMillis) {
        return new GuestError(ProcessErrorTypes.WORKER_TIMEOUT, display + " did not answer before the deadline: it was "
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
