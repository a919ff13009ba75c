package dev.lambdabridge.emulator;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the bytes waiting in a child's stdout or stderr pipe, so that an invocation's log can be complete when
 * its response arrives. The process's own stream cannot tell: its {@code available()} shares a lock with the
 * pump's blocking read. So the probe opens the same pipe again through {@code /proc/<pid>/fd/<n>} (Linux),
 * read-only, and only ever asks FIONREAD. Where that fails it reports 0.
 *
 * <p>It holds no write end: one would keep the pump's read from ever seeing the end of the stream after the
 * child is killed, and the JDK's exit handling, which waits for that read's lock (on the common pool, when an
 * {@code onExit()} stage runs it), stalled every timeout by the 5 s of {@link ProcessTree}'s limit.
 */
final class PipeProbe implements AutoCloseable {
    private static final PipeProbe NONE = new PipeProbe(null);

    private final FileInputStream counter;

    private PipeProbe(FileInputStream counter) {
        this.counter = counter;
    }

    /** A probe that reports nothing pending (the pipe is gone). */
    static PipeProbe none() {
        return NONE;
    }

    /**
     * Opening a pipe read-only waits until it has a writer; the child is one, but may be gone already. A
     * read-write handle, opened first (that never waits), is the writer for that moment, and is closed at once.
     */
    static PipeProbe open(long pid, int fd) {
        Path path = Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
        try {
            if (!Files.readSymbolicLink(path).toString().startsWith("pipe:")) {
                return NONE;
            }
            File pipe = path.toFile();
            try (RandomAccessFile writerForTheOpen = new RandomAccessFile(pipe, "rw")) {
                return new PipeProbe(new FileInputStream(pipe));
            }
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

    @Override
    public void close() {
        if (counter != null) {
            try {
                counter.close();
            } catch (IOException ignored) {
                // closing a pipe handle that is already gone
            }
        }
    }
}
