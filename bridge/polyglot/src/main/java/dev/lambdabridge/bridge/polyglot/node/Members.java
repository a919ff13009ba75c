package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A read-only guest object of host functions and values (one area of {@link NodeHost}: crypto, fs, ...). A function
 * that throws a {@link NodeError} throws the guest error it describes.
 */
final class Members implements ProxyObject {
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final GuestErrors errors;

    Members(GuestErrors errors) {
        this.errors = errors;
    }

    Members fn(String name, Function<Value[], Object> body) {
        members.put(name, (ProxyExecutable) arguments -> {
            try {
                return body.apply(arguments);
            } catch (NodeError e) {
                throw errors.raise(e);
            }
        });
        return this;
    }

    Members value(String name, Object value) {
        members.put(name, value);
        return this;
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray(members.keySet().toArray());
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the host object is read-only");
    }
}
