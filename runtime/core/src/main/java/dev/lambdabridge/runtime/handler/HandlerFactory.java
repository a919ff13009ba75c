package dev.lambdabridge.runtime.handler;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

/**
 * A provider of handlers for one handler-string scheme ({@code exec:}, {@code worker:}, {@code js:},
 * {@code ruby:}), found with {@link java.util.ServiceLoader} so that the runtime has no compile-time
 * dependency on the bridges and a Java function does not load them.
 */
public interface HandlerFactory {

    /** The scheme this factory serves, without the colon, e.g. {@code "exec"}. */
    String scheme();

    /**
     * Creates and initialises the handler for {@code spec}, the part of {@code _HANDLER} after the scheme and
     * its colon. Runs during Lambda's init phase; what it throws is reported to {@code /runtime/init/error}.
     */
    InvocationHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger) throws Exception;
}
