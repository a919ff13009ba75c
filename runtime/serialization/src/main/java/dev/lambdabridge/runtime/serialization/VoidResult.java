package dev.lambdabridge.runtime.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The result of a void (or Void) handler method: the managed runtime answers the four bytes {@code null}. */
final class VoidResult implements PojoSerializer<Object> {
    static final VoidResult INSTANCE = new VoidResult();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private VoidResult() {
    }

    @Override
    public Object fromJson(InputStream json) {
        throw new UnsupportedOperationException("a void result type has no input; use Serializers.forType for inputs");
    }

    @Override
    public void toJson(Object value, OutputStream out) {
        try {
            out.write(NULL);
        } catch (IOException e) {
            throw new RuntimeException(Serializers.SERIALIZATION_ERROR_MESSAGE, new UncheckedIOException(e));
        }
    }
}
