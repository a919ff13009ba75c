package dev.lambdabridge.runtime.handler;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.java.JavaHandlerLoader;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the handler for {@code _HANDLER}: {@code scheme:spec} goes to the {@link HandlerFactory} of that
 * scheme; anything else ({@code pkg.Class}, {@code pkg.Class::method}) is a Java handler.
 */
public final class Handlers {

    private Handlers() {
    }

    public static InvocationHandler load(RuntimeEnvironment environment, RuntimeLogger logger) throws Exception {
        String handler = environment.handler();
        if (handler == null || handler.isBlank()) {
            throw new HandlerFault("The _HANDLER environment variable is not set: it must name the function's "
                    + "handler, e.g. com.example.Handler::handleRequest or exec:php index.php");
        }
        String scheme = schemeOf(handler);
        if (scheme == null) {
            return JavaHandlerLoader.load(handler, environment);
        }
        String spec = handler.substring(scheme.length() + 1);
        return factoryFor(scheme, handler).create(spec, environment, logger);
    }

    /** The scheme of {@code scheme:spec}, or null for a Java handler (whose only colons are in {@code ::}). */
    static String schemeOf(String handler) {
        int colon = handler.indexOf(':');
        if (colon <= 0 || (colon + 1 < handler.length() && handler.charAt(colon + 1) == ':')) {
            return null;
        }
        String scheme = handler.substring(0, colon);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return null;
            }
        }
        return scheme;
    }

    private static HandlerFactory factoryFor(String scheme, String handler) {
        List<String> known = new ArrayList<>();
        for (HandlerFactory factory : ServiceLoader.load(HandlerFactory.class, Handlers.class.getClassLoader())) {
            if (factory.scheme().equals(scheme)) {
                return factory;
            }
            known.add(factory.scheme() + ":");
        }
        throw new HandlerFault("No bridge for handler \"" + handler + "\": scheme \"" + scheme + ":\" is not "
                + (known.isEmpty() ? "available (no bridge jar is on the runtime's class path)"
                        : "one of " + known));
    }
}
