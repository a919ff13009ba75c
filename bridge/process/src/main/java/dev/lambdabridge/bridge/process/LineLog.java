package dev.lambdabridge.bridge.process;

import dev.lambdabridge.childprocess.LineSplitter;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sink of a program's stderr (and a worker's stdout): its lines ({@link LineSplitter}: a line longer than
 * {@link #MAX_LINE_BYTES} comes in pieces cut at character boundaries) go to the function's log tagged with the
 * current request id, and the last few are kept for error messages, cut to {@link #KEPT_LINE_CHARS} characters.
 * Memory is bounded whatever the program writes.
 *
 * <p>Written by one thread at a time (a pump, or a caller catching up under the pump's lock);
 * {@link #lastLines()} may be called from any thread.
 */
final class LineLog extends OutputStream {
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int KEPT_LINES = 20;
    static final int KEPT_LINE_CHARS = 400;

    private final FunctionLog log;
    private final Supplier<String> requestId;
    private final Deque<String> kept = new ArrayDeque<>(KEPT_LINES);
    private final LineSplitter lines = new LineSplitter(MAX_LINE_BYTES, this::line);

    LineLog(FunctionLog log, Supplier<String> requestId) {
        this.log = log;
        this.requestId = requestId;
    }

    @Override
    public void write(int b) {
        lines.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        lines.write(bytes, offset, count);
    }

    private void line(String text) {
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
        lines.close();
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
