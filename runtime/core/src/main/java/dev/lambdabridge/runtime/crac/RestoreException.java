package dev.lambdabridge.runtime.crac;

/** One or more {@code afterRestore} hooks failed; each failure is a suppressed exception of this one. */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public RestoreException() {
    }

    public RestoreException(String message) {
        super(message);
    }
}
