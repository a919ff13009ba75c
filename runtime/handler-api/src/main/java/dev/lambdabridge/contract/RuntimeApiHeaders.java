package dev.lambdabridge.contract;

/**
 * Header names of the Lambda Runtime API (base {@code /2018-06-01}): what Lambda sends the runtime with each event
 * and what the runtime sends back. One list for the runtime, which reads and writes them, and the emulator, which
 * plays Lambda's side.
 */
public final class RuntimeApiHeaders {
    public static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
    public static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
    public static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
    public static final String TRACE_ID = "Lambda-Runtime-Trace-Id";
    public static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";
    public static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";

    public static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
    /** A streamed response's error trailer: base64 of the error body. */
    public static final String FUNCTION_ERROR_BODY = "Lambda-Runtime-Function-Error-Body";
    public static final String XRAY_ERROR_CAUSE = "Lambda-Runtime-Function-XRay-Error-Cause";
    public static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";
    /** The only response mode besides the default buffered one. */
    public static final String RESPONSE_MODE_STREAMING = "streaming";

    private RuntimeApiHeaders() {
    }
}
