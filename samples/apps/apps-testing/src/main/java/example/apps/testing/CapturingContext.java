package example.apps.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Context} for calling a handler directly in a unit test; keeps every logged line in {@link #lines()}. */
public final class CapturingContext implements Context {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public void log(byte[] message) {
            lines.add(new String(message, StandardCharsets.UTF_8));
        }
    };

    /** What the handler logged, one entry per {@code log} call. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public String getAwsRequestId() {
        return "0d2b6a4c-1f3e-4a5b-8c7d-9e0f1a2b3c4d";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/unit-test";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/27/[$LATEST]unit-test";
    }

    @Override
    public String getFunctionName() {
        return "unit-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:unit-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
