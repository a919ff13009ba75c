package dev.lambdabridge.api;

/**
 * The X-Ray trace header ({@code Root=...;Parent=...;Sampled=...}) of the invocation the calling thread serves.
 *
 * <p>With several invocations running at once in one process ({@code AWS_LAMBDA_MAX_CONCURRENCY} above 1), the
 * JVM-wide system property {@code com.amazonaws.xray.traceHeader} cannot hold each one's trace id, and the
 * environment variable {@code _X_AMZN_TRACE_ID} cannot change in a running JVM. {@code Context.getXrayTraceId()}
 * always has it; this class gives it to code that has no Context at hand (a tracing library, a log appender).
 * Threads the handler starts inherit it.
 */
public final class TraceId {
    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private TraceId() {
    }

    /** The trace header of this thread's invocation, or null outside an invocation (or when Lambda sent none). */
    public static String current() {
        return CURRENT.get();
    }

    /** Called by the runtime around each invocation; not for functions. */
    public static void set(String traceHeader) {
        if (traceHeader == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(traceHeader);
        }
    }
}
