package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.Map;

/** Turns a {@link NodeError} into the guest error it describes, thrown into the calling guest code. */
final class GuestErrors {
    private static final String FACTORY = "(function (type, message, props) {"
            + " const Type = type === 'TypeError' ? TypeError : type === 'RangeError' ? RangeError : Error;"
            + " const error = new Type(message);"
            + " for (const key of Object.keys(props)) { error[key] = props[key]; }"
            + " return error; })";

    private Value factory;

    RuntimeException raise(NodeError error) {
        if (factory == null) {
            factory = Context.getCurrent().eval("js", FACTORY);
        }
        Map<String, Object> properties = error.properties();
        return factory.execute(error.type(), error.getMessage(), ProxyObject.fromMap(properties)).throwException();
    }
}
