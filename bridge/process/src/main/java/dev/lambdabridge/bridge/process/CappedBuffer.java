package dev.lambdabridge.bridge.process;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A program's stdout, kept in memory up to a limit (Lambda's response limit). Past the limit it stops keeping
 * bytes, calls {@code onOverflow} once (the bridge kills the program there) and only counts what still arrives,
 * so a program that writes gigabytes costs the runtime at most the limit.
 *
 * <p>Written by one pump thread, read by the invoking thread after the pump ended.
 */
final class CappedBuffer extends OutputStream {
    private final int limit;
    private final Runnable onOverflow;
    private byte[] bytes = new byte[8192];
    private int size;
    private long total;
    private volatile boolean overflowed;

    CappedBuffer(int limit, Runnable onOverflow) {
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int count) {
        total += count;
        if (overflowed) {
            return;
        }
        if ((long) size + count > limit) {
            overflowed = true;
            onOverflow.run();
            return;
        }
        if (size + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) size + count, bytes.length * 2L)));
        }
        System.arraycopy(data, offset, bytes, size, count);
        size += count;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Bytes received, kept or not. */
    long total() {
        return total;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }
}
