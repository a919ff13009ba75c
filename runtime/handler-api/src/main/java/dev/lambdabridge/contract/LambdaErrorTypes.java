package dev.lambdabridge.contract;

/**
 * The {@code errorType} names Lambda and its managed runtimes use for a function's errors, that more than one part
 * of lambda-bridge reports or recognises (the runtime, the bridges, the emulator).
 */
public final class LambdaErrorTypes {
    /** A handler's exception (the managed Java runtime's type). */
    public static final String USER_EXCEPTION = "Runtime.UserException";
    /** A handler that cannot be loaded or called. */
    public static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";
    /** A {@code _HANDLER} value that cannot be parsed. */
    public static final String MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName";
    /** The runtime (or, in the polyglot bridge, the guest) exited. */
    public static final String EXIT_ERROR = "Runtime.ExitError";
    /** A response over {@link LambdaLimits#RESPONSE_PAYLOAD_BYTES} (or a stream over its limit). */
    public static final String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";
    /** The invocation ran past the function's timeout. */
    public static final String TIMED_OUT = "Sandbox.Timedout";
    /** An extension crashed. */
    public static final String EXTENSION_CRASH = "Extension.Crash";
    /** The bootstrap could not be started. */
    public static final String INVALID_ENTRYPOINT = "Runtime.InvalidEntrypoint";
    /** A failure whose type nobody reported. */
    public static final String UNKNOWN = "Runtime.Unknown";

    private LambdaErrorTypes() {
    }
}
