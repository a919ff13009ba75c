package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.handler.HandlerFactory;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

/** {@code ruby:FILE.METHOD}: a Ruby handler run by TruffleRuby in the runtime's process (see {@link RubyHandler}). */
public final class RubyHandlerFactory implements HandlerFactory {
    @Override
    public String scheme() {
        return "ruby";
    }

    @Override
    public InvocationHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger) throws Exception {
        return new RubyHandler(RubyHandlerName.parse(spec), environment, logger).init();
    }
}
