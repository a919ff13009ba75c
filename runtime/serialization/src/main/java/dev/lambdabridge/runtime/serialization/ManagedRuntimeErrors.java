package dev.lambdabridge.runtime.serialization;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Wraps any failure the way the managed runtime's PojoHandlerAsStreamHandler does, whatever serializer failed
 * (ours, AWS's, or the function's own CustomPojoSerializer): the error body then reads
 * {@code java.lang.RuntimeException} / {@value Serializers#PARSE_ERROR_MESSAGE}.
 */
final class ManagedRuntimeErrors implements PojoSerializer<Object> {
    private final PojoSerializer<Object> delegate;

    ManagedRuntimeErrors(PojoSerializer<Object> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object fromJson(InputStream json) {
        try {
            return delegate.fromJson(json);
        } catch (Throwable t) {
            throw new RuntimeException(Serializers.PARSE_ERROR_MESSAGE, t);
        }
    }

    @Override
    public void toJson(Object value, OutputStream out) {
        try {
            delegate.toJson(value, out);
        } catch (Throwable t) {
            throw new RuntimeException(Serializers.SERIALIZATION_ERROR_MESSAGE, t);
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
