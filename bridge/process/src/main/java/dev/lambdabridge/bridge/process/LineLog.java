package dev.lambdabridge.bridge.process;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sink of a program's stderr (and a worker's stdout): splits what it receives into lines, writes each to the
 * function's log tagged with the current request id, and keeps the last few for error messages. Memory is
 * bounded whatever the program writes: a line longer than {@link #MAX_LINE_BYTES} is logged in pieces, and the
 * kept lines are cut to {@link #KEPT_LINE_CHARS} characters.
 *
 * <p>Written by one pump thread; {@link #lastLines()} may be called from any thread.
 */
final class LineLog extends OutputStream {
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int KEPT_LINES = 20;
    static final int KEPT_LINE_CHARS = 400;

    private final FunctionLog log;
    private final Supplier<String> requestId;
    private final Deque<String> kept = new ArrayDeque<>(KEPT_LINES);
    private byte[] line = new byte[256];
    private int length;

    LineLog(FunctionLog log, Supplier<String> requestId) {
        this.log = log;
        this.requestId = requestId;
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
            if (length == MAX_LINE_BYTES) {
                emitLongLinePiece();
            }
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
            }
            line[length++] = b;
        }
    }

    /** Logs a full buffer of one long line, cut before an incomplete UTF-8 sequence at its end, if any. */
    private void emitLongLinePiece() {
        int cut = length;
        int last = length - 1;
        while (last > length - 4 && last > 0 && (line[last] & 0xc0) == 0x80) {
            last--;
        }
        int lead = line[last] & 0xff;
        int sequence = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (last > 0 && last + sequence > length) {
            cut = last;
        }
        int rest = length - cut;
        byte[] carried = rest > 0 ? java.util.Arrays.copyOfRange(line, cut, length) : null;
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
        log.line(requestId.get(), text);
        synchronized (kept) {
            if (kept.size() == KEPT_LINES) {
                kept.removeFirst();
            }
            kept.addLast(text.length() > KEPT_LINE_CHARS ? text.substring(0, KEPT_LINE_CHARS) + "..." : text);
        }
    }

    /** Logs a last line that had no newline (called when the stream ends). */
    @Override
    public void close() {
        if (length > 0) {
            emit(length);
        }
    }

    /** Forgets the kept lines (a worker's next invocation starts). */
    void clearKept() {
        synchronized (kept) {
            kept.clear();
        }
    }

    /** The last lines (up to {@value #KEPT_LINES}), oldest first. */
    List<String> lastLines() {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    /** {@code "; its last stderr lines:\n..."} for an error message, or "" when there were none. */
    String lastLinesSuffix(String streamName) {
        List<String> lines = lastLines();
        if (lines.isEmpty()) {
            return "; it wrote nothing to " + streamName;
        }
        return "; the last lines of its " + streamName + ":\n" + String.join("\n", lines)
                + ChildEnvironment.runtimeApiHint(lines);
    }
}
