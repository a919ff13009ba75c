package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.HandlerFault;

/**
 * {@code function.handler} (a top-level method of {@code function.rb}) or {@code lib/app.Module::Class.method}
 * (a class or module method), as the Ruby runtime takes them: the file path up to the first dot after the last
 * slash, then an optional constant, then the method.
 *
 * @param constant null for a top-level method
 */
record RubyHandlerName(String text, String file, String constant, String method) {

    static RubyHandlerName parse(String text) {
        int slash = text.lastIndexOf('/');
        String[] parts = text.substring(slash + 1).split("\\.", -1);
        boolean valid = (parts.length == 2 || parts.length == 3) && !text.startsWith("/") && !text.contains("..");
        for (String part : parts) {
            valid &= !part.isEmpty();
        }
        if (!valid) {
            throw new HandlerFault("Bad handler ruby:" + text + ": expected FILE.METHOD or FILE.Module::Class.METHOD, "
                    + "e.g. ruby:function.handler for the method handler of function.rb in the task root",
                    LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
        }
        String file = text.substring(0, slash + 1) + parts[0];
        return parts.length == 2 ? new RubyHandlerName(text, file, null, parts[1])
                : new RubyHandlerName(text, file, parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return text;
    }
}
