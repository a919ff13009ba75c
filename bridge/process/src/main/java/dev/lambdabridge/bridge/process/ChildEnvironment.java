package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a program: the runtime's own (Lambda's variables, the function's configuration, the
 * credentials), with {@code PATH} set to the {@link SearchPath}, plus what the bridge adds.
 *
 * <p>Applied to {@link ProcessBuilder#environment()}, which starts as a copy of the runtime's environment that
 * keeps each inherited value's original bytes; only the variables set here are encoded by the JVM (see
 * {@link NativeText}).
 *
 * <p>Per invocation ({@code exec:}): {@code LAMBDA_REQUEST_ID}, {@code LAMBDA_DEADLINE_MS} (epoch milliseconds),
 * {@code LAMBDA_INVOKED_FUNCTION_ARN}, {@code _X_AMZN_TRACE_ID}, and {@code LAMBDA_CLIENT_CONTEXT} /
 * {@code LAMBDA_COGNITO_IDENTITY} (JSON) when Lambda sent them; unset when Lambda did not send them.
 */
final class ChildEnvironment {
    static final String REQUEST_ID = "LAMBDA_REQUEST_ID";
    static final String DEADLINE_MS = "LAMBDA_DEADLINE_MS";
    static final String FUNCTION_ARN = "LAMBDA_INVOKED_FUNCTION_ARN";
    static final String TRACE_ID = "_X_AMZN_TRACE_ID";
    static final String CLIENT_CONTEXT = "LAMBDA_CLIENT_CONTEXT";
    static final String COGNITO_IDENTITY = "LAMBDA_COGNITO_IDENTITY";

    private final Map<String, String> fixed;

    ChildEnvironment(SearchPath path, Map<String, String> extra) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("PATH", path.asPathVariable());
        fixed.putAll(extra);
        this.fixed = Map.copyOf(fixed);
    }

    /** Sets {@code PATH} and the bridge's own variables. */
    void applyTo(Map<String, String> env) {
        env.putAll(fixed);
    }

    /** Also sets the per-invocation variables of {@code invocation}. */
    void applyTo(Map<String, String> env, Invocation invocation) {
        applyTo(env);
        env.put(REQUEST_ID, invocation.requestId());
        env.put(DEADLINE_MS, Long.toString(invocation.deadlineMs()));
        putOrRemove(env, FUNCTION_ARN, invocation.invokedFunctionArn());
        putOrRemove(env, TRACE_ID, invocation.traceId());
        putOrRemove(env, CLIENT_CONTEXT, json(invocation.clientContextJson()));
        putOrRemove(env, COGNITO_IDENTITY, json(invocation.cognitoIdentityJson()));
    }

    private static String json(String value) {
        return value == null || value.isEmpty() ? null : NativeText.forPlatform(value);
    }

    private static void putOrRemove(Map<String, String> env, String name, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\0') >= 0) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
    }
}
