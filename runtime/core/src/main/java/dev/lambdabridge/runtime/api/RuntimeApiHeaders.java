package dev.lambdabridge.runtime.api;

/** Header names of the Lambda Runtime API, as Lambda sends them to the runtime and takes them back. */
public final class RuntimeApiHeaders {
    public static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
    public static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
    public static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
    public static final String TRACE_ID = "Lambda-Runtime-Trace-Id";
    public static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";
    public static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";

    public static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
    public static final String XRAY_ERROR_CAUSE = "Lambda-Runtime-Function-XRay-Error-Cause";
    public static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";

    private RuntimeApiHeaders() {
    }
}
