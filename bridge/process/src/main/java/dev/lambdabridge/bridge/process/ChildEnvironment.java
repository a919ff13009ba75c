package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.api.Invocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a program: the runtime's own (Lambda's variables, the function's configuration, the
 * credentials), with {@code PATH} set to the {@link SearchPath}, plus what the bridge adds, and without
 * {@value #RUNTIME_API}: the Runtime API belongs to the runtime. A program that found it would speak to Lambda
 * itself, past the bridge: an unmodified aws-lambda-go program ({@code lambda.Start}) under {@code exec:} waited
 * for an event it had taken itself until the timeout, and under {@code worker:} answered invocations on its own.
 * Without it such a program stops at once, saying so on stderr, and {@link #runtimeApiHint} explains the error.
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
    static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";

    private final Map<String, String> fixed;

    ChildEnvironment(SearchPath path, Map<String, String> extra) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("PATH", path.asPathVariable());
        fixed.putAll(extra);
        this.fixed = Map.copyOf(fixed);
    }

    /** Sets {@code PATH} and the bridge's own variables; removes {@value #RUNTIME_API}. */
    void applyTo(Map<String, String> env) {
        env.remove(RUNTIME_API);
        env.putAll(fixed);
    }

    /**
     * What to add to the error of a program whose last stderr lines name {@value #RUNTIME_API} (as aws-lambda-go's
     * {@code lambda.Start} does: "expected AWS Lambda environment variables [_LAMBDA_SERVER_PORT
     * AWS_LAMBDA_RUNTIME_API] are not defined"); empty otherwise.
     */
    static String runtimeApiHint(List<String> stderrLines) {
        for (String line : stderrLines) {
            if (line.contains(RUNTIME_API)) {
                return "\n(lambda-bridge: the program looked for " + RUNTIME_API + ", which exec: and worker: programs "
                        + "do not get: a program that speaks the Lambda Runtime API itself, such as one calling "
                        + "aws-lambda-go's lambda.Start, is a runtime of its own: deploy it as the function's bootstrap, "
                        + "or run its handler under worker: through the Go shim (import lambdabridge.dev/shim/lambda "
                        + "and lambdabridge.dev/shim/lambdacontext in place of aws-lambda-go's packages: its "
                        + "lambda.Start is lambdabridge.Start, with the same handler signatures; see the shims' "
                        + "README))";
            }
        }
        return "";
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
