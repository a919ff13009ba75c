package dev.lambdabridge.childprocess;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sink of an {@link OutputPump} that turns a child's output into lines: each line (without its {@code \n},
 * or {@code \r\n}) goes to a consumer as text. Memory is bounded whatever the child writes: a line longer than
 * the limit is handed on in pieces of the limit, each cut before a UTF-8 sequence the limit would split, so that no
 * piece ends in half a character. {@link #close()} hands on a last line that had no newline.
 *
 * <p>Not thread-safe: written by one thread at a time (the pump's lock sees to that).
 */
public final class LineSplitter extends OutputStream {
    private final int maxLineBytes;
    private final Consumer<String> lines;
    private byte[] line = new byte[256];
    private int length;

    /**
     * @param maxLineBytes the longest line handed on whole (at least 4: a UTF-8 sequence)
     * @param lines        takes each line
     */
    public LineSplitter(int maxLineBytes, Consumer<String> lines) {
        if (maxLineBytes < 4) {
            throw new IllegalArgumentException("maxLineBytes must be at least 4, not " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.lines = lines;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                emit(length);
                continue;
            }
            if (length == maxLineBytes) {
                emitPiece();
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, maxLineBytes));
            }
            line[length++] = b;
        }
    }

    /** Hands on a full buffer of one long line, cut before an incomplete UTF-8 sequence at its end, if any. */
    private void emitPiece() {
        int cut = length;
        int last = length - 1;
        while (last > length - 4 && last > 0 && (line[last] & 0xc0) == 0x80) {
            last--; // back over continuation bytes to the sequence's lead byte
        }
        int lead = line[last] & 0xff;
        int sequence = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (last > 0 && last + sequence > length) {
            cut = last;
        }
        int rest = length - cut;
        byte[] carried = rest > 0 ? Arrays.copyOfRange(line, cut, length) : null;
        emit(cut);
        if (carried != null) {
            System.arraycopy(carried, 0, line, 0, rest);
            length = rest;
        }
    }

    private void emit(int count) {
        int end = count > 0 && line[count - 1] == '\r' ? count - 1 : count;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        length = 0;
        lines.accept(text);
    }

    /** Hands on a last line that had no newline (the stream ended). */
    @Override
    public void close() {
        if (length > 0) {
            emit(length);
        }
    }
}
