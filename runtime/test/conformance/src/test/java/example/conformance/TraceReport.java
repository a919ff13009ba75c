package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the invocation's trace id can be read besides the Context: AWS's SDK thread-local (what the AWS SDK, the
 * X-Ray SDK and Powertools read under several loops), the system property (one loop) and the environment
 * variable. The function does not bundle utils-lite: the runtime's class path must give it.
 */
public class TraceReport implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String traceId = context.getXrayTraceId();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contextHasTraceId", traceId != null && traceId.startsWith("Root=1-"));
        out.put("inSdkThreadLocal", describe(SdkInternalThreadLocal.get("AWS_LAMBDA_X_TRACE_ID"), traceId));
        out.put("inSystemProperty", describe(System.getProperty("com.amazonaws.xray.traceHeader"), traceId));
        out.put("inEnvironment", describe(System.getenv("_X_AMZN_TRACE_ID"), traceId));
        out.put("sdkThreadLocalFrom", SdkInternalThreadLocal.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath().replaceAll(".*/", ""));
        return out;
    }

    private static String describe(String value, String traceId) {
        return value == null ? "absent" : value.equals(traceId) ? "this invocation's" : "another value";
    }
}
