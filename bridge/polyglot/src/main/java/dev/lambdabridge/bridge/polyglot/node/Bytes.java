package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;

import java.nio.ByteBuffer;

/**
 * Bytes across the guest boundary without a copy per element: the guest passes an {@code ArrayBuffer} with an
 * offset and a length (read with one {@link Value#readBuffer} call); the host answers with a {@link ByteBuffer},
 * which the guest wraps in a {@code Uint8Array} over the same memory (the host access allows buffer access only).
 */
final class Bytes {
    private Bytes() {
    }

    /** The bytes of {@code buffer[offset, offset + length)}; {@code buffer} is a guest ArrayBuffer. */
    static byte[] read(Value buffer, Value offset, Value length) {
        if (buffer == null || buffer.isNull()) {
            return new byte[0];
        }
        if (!buffer.hasBufferElements()) {
            throw new NodeError("TypeError", "expected an ArrayBuffer, got " + buffer);
        }
        int size = length.asInt();
        byte[] bytes = new byte[size];
        if (size > 0) {
            buffer.readBuffer(offset.asLong(), bytes, 0, size);
        }
        return bytes;
    }

    static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }
}
