package dev.lambdabridge.runtime.context;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;

/**
 * The {@link Context} a handler receives for one invocation. Identity and client context are parsed from their
 * header JSON on first use only.
 */
public final class LambdaContext implements Context {
    private final Invocation invocation;
    private final RuntimeEnvironment environment;
    private final LambdaLogger logger;
    private CognitoIdentity identity;
    private ClientContext clientContext;

    public LambdaContext(Invocation invocation, RuntimeEnvironment environment, LambdaLogger logger) {
        this.invocation = invocation;
        this.environment = environment;
        this.logger = logger;
    }

    public Invocation invocation() {
        return invocation;
    }

    /**
     * When a bridge stops the handler it runs (epoch milliseconds): Lambda's deadline less the kill margin
     * ({@link RuntimeEnvironment#killMarginMs()}), so that the runtime can still report the timeout.
     */
    public long killAtMs() {
        return invocation.deadlineMs() - environment.killMarginMs();
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return environment.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return environment.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return environment.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return environment.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.invokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        if (identity == null && invocation.cognitoIdentityJson() != null && !invocation.cognitoIdentityJson().isEmpty()) {
            identity = HeaderJson.cognitoIdentity(invocation.cognitoIdentityJson());
        }
        return identity;
    }

    @Override
    public ClientContext getClientContext() {
        if (clientContext == null && invocation.clientContextJson() != null && !invocation.clientContextJson().isEmpty()) {
            clientContext = HeaderJson.clientContext(invocation.clientContextJson());
        }
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.min(Integer.MAX_VALUE, invocation.remainingTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return environment.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getXrayTraceId() {
        return invocation.traceId();
    }

    @Override
    public String toString() {
        return "LambdaContext[requestId=" + invocation.requestId() + ", function=" + environment.functionName() + "]";
    }
}
