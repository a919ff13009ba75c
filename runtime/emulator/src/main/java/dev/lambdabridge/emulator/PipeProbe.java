package dev.lambdabridge.emulator;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the bytes waiting in a child's stdout or stderr pipe, so that an invocation's log can be complete when
 * its response arrives. The process's own stream cannot tell: its {@code available()} shares a lock with the
 * pump's blocking read. So the probe opens the same pipe through {@code /proc/<pid>/fd/<n>} (Linux), read-write
 * so that the open never waits for a writer, and only ever asks FIONREAD. Where that fails it reports 0.
 */
final class PipeProbe implements AutoCloseable {
    private static final PipeProbe NONE = new PipeProbe(null, null);

    private final RandomAccessFile file;
    private final FileInputStream counter;

    private PipeProbe(RandomAccessFile file, FileInputStream counter) {
        this.file = file;
        this.counter = counter;
    }

    static PipeProbe open(long pid, int fd) {
        Path path = Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
        try {
            if (!Files.readSymbolicLink(path).toString().startsWith("pipe:")) {
                return NONE;
            }
            RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
            return new PipeProbe(file, new FileInputStream(file.getFD()));
        } catch (IOException | UnsupportedOperationException | SecurityException unavailable) {
            return NONE;
        }
    }

    int pendingBytes() {
        if (counter == null) {
            return 0;
        }
        try {
            return counter.available();
        } catch (IOException closed) {
            return 0;
        }
    }

    /** Releases the pipe: while open, the probe holds a write end, so the reader sees no end of stream. */
    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // closing a pipe handle that is already gone
            }
        }
    }
}
