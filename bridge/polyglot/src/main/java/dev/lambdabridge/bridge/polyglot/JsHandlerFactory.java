package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.handler.HandlerFactory;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

/** {@code js:MODULE.EXPORT}: a JavaScript handler run by GraalJS in the runtime's process (see {@link JsHandler}). */
public final class JsHandlerFactory implements HandlerFactory {
    @Override
    public String scheme() {
        return "js";
    }

    @Override
    public InvocationHandler create(String spec, RuntimeEnvironment environment, RuntimeLogger logger) throws Exception {
        return new JsHandler(JsHandlerName.parse(spec), environment, logger).init();
    }
}
