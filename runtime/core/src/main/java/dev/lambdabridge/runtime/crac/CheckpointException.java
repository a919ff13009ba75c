package dev.lambdabridge.runtime.crac;

/** One or more {@code beforeCheckpoint} hooks failed; each failure is a suppressed exception of this one. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException() {
    }

    public CheckpointException(String message) {
        super(message);
    }
}
