package dev.lambdabridge.emulator;

/** Header names of the Lambda Runtime API (base {@code /2018-06-01}), as the runtime sees them. */
public final class RuntimeApiHeaders {
    public static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
    public static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
    public static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
    public static final String TRACE_ID = "Lambda-Runtime-Trace-Id";
    public static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";
    public static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";
    public static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
    public static final String FUNCTION_ERROR_BODY = "Lambda-Runtime-Function-Error-Body";
    public static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";

    /** The only response mode besides the default buffered one. */
    public static final String RESPONSE_MODE_STREAMING = "streaming";

    private RuntimeApiHeaders() {
    }
}
