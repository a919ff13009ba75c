package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reports what the Context says, as values that are the same under both runtimes for the same invocation. */
public class ContextReport implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("functionName", context.getFunctionName());
        out.put("functionVersion", context.getFunctionVersion());
        out.put("memoryLimitInMB", context.getMemoryLimitInMB());
        out.put("logGroupName", context.getLogGroupName());
        out.put("logStreamNameSet", context.getLogStreamName() != null);
        out.put("arnEndsWithName", context.getInvokedFunctionArn().endsWith(":function:" + context.getFunctionName()));
        out.put("requestIdLength", context.getAwsRequestId().length());
        int remaining = context.getRemainingTimeInMillis();
        out.put("remainingPlausible", remaining > 0 && remaining <= 10_000);
        out.put("identityId", context.getIdentity() == null ? null : context.getIdentity().getIdentityId());
        out.put("identityPoolId", context.getIdentity() == null ? null : context.getIdentity().getIdentityPoolId());
        out.put("clientContextCustom", context.getClientContext() == null ? null : context.getClientContext().getCustom());
        out.put("clientAppTitle", context.getClientContext() == null || context.getClientContext().getClient() == null
                ? null : context.getClientContext().getClient().getAppTitle());
        String traceProperty = System.getProperty("com.amazonaws.xray.traceHeader");
        out.put("traceIdInSystemProperty", traceProperty != null && traceProperty.startsWith("Root=1-"));
        out.put("loggerPresent", context.getLogger() != null);
        context.getLogger().log("logged through context.getLogger()");
        com.amazonaws.services.lambda.runtime.LambdaRuntime.getLogger().log("logged through LambdaRuntime.getLogger()");
        return out;
    }
}
