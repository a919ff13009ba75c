package dev.lambdabridge.emulator;

/** Header names of the Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}). */
public final class InvokeApiHeaders {
    public static final String INVOCATION_TYPE = "X-Amz-Invocation-Type";
    public static final String LOG_TYPE = "X-Amz-Log-Type";
    public static final String CLIENT_CONTEXT = "X-Amz-Client-Context";
    public static final String LOG_RESULT = "X-Amz-Log-Result";
    public static final String EXECUTED_VERSION = "X-Amz-Executed-Version";
    public static final String FUNCTION_ERROR = "X-Amz-Function-Error";
    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String ERROR_TYPE = "x-amzn-ErrorType";
    /** Not an AWS header: lets tests pass a Cognito identity, which the Invoke API has no field for. */
    public static final String COGNITO_IDENTITY = "X-LambdaBridge-Cognito-Identity";

    private InvokeApiHeaders() {
    }
}
