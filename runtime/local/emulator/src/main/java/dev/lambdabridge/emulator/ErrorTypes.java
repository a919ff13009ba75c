package dev.lambdabridge.emulator;

/**
 * The error codes of Lambda's Invoke API and Runtime API answers; the error types of function results are
 * {@link dev.lambdabridge.contract.LambdaErrorTypes}, shared with the runtime and the bridges.
 */
public final class ErrorTypes {
    // Invoke API errors (x-amzn-ErrorType)
    public static final String INVALID_REQUEST_CONTENT = "InvalidRequestContentException";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    /**
     * What Lambda sends for a payload over the limit (HTTP 413). The API model names a RequestTooLargeException
     * shape, but Lambda's answers carry this name, so botocore and the AWS SDKs report this code (a generic
     * error with that code: it matches no modelled shape).
     */
    public static final String REQUEST_TOO_LARGE = "RequestEntityTooLargeException";
    public static final String INVALID_PARAMETER = "InvalidParameterValueException";
    public static final String SERVICE = "ServiceException";

    // Runtime API errors (errorType of the body answered to the runtime)
    public static final String INVALID_REQUEST_ID = "InvalidRequestID";
    public static final String INVALID_STATE_TRANSITION = "InvalidStateTransition";
    public static final String PAYLOAD_TOO_LARGE = "RequestEntityTooLarge";
    public static final String INVALID_RESPONSE_MODE = "InvalidResponseModeHeader";
    public static final String NOT_FOUND = "NotFound";
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    public static final String INTERNAL = "Runtime.InternalError";

    // Function errors (errorType of an invocation's result): dev.lambdabridge.contract.LambdaErrorTypes

    /** The value of {@code X-Amz-Function-Error} for every function error. */
    public static final String UNHANDLED = "Unhandled";

    private ErrorTypes() {
    }
}
