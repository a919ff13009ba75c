package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.errors.HandlerFault;

/**
 * A Java handler string, {@code pkg.Class::method} or {@code pkg.Class}, split as the managed runtime splits it
 * (at the last {@code ::}). {@code method} is null for the class form.
 */
record HandlerName(String className, String method) {

    static HandlerName parse(String handler) {
        int separator = handler.lastIndexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String method = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isEmpty() || (method != null && method.isEmpty())) {
            // the managed runtime's message for this case, so that both runtimes read the same
            throw new HandlerFault("Invalid handler: `" + handler + "'");
        }
        return new HandlerName(className, method);
    }
}
