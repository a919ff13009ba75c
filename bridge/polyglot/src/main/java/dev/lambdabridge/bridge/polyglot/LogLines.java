package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A guest's stdout or stderr ({@code puts}, {@code print}, {@code $stderr.write}): collected into lines, each
 * written to the function's log as one record, so that in the JSON log format a line is one JSON object.
 */
final class LogLines extends OutputStream {
    private final RuntimeLogger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    LogLines(RuntimeLogger logger) {
        this.logger = logger;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    /** Guests flush after each write; a record is written at each newline only (see {@link #finishLine()}). */
    @Override
    public void flush() {
    }

    /** Writes what is left of an unfinished line (at the end of an invocation). */
    synchronized void finishLine() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        logger.log(line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
