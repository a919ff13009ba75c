package dev.lambdabridge.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler class that must not run several invocations at once: with {@code AWS_LAMBDA_MAX_CONCURRENCY}
 * above 1, the runtime then runs one invoke loop instead of that many (the environment variable
 * {@code LAMBDA_BRIDGE_THREAD_SAFE=false} does the same without touching the code).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotThreadSafe {
}
