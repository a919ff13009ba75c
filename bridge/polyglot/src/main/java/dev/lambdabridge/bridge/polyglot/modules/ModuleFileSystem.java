package dev.lambdabridge.bridge.polyglot.modules;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guest's file system (the sandbox's, or the whole disk's with host access open), plus the loader's
 * generated ES modules: the facades through which an ES module imports a CommonJS module, a JSON file or a
 * built-in ({@code export default module.exports} and its named exports). GraalJS loads every ES module from a
 * path, so the facades live under {@value #FACADES}, read-only, in memory; every other path goes to the delegate.
 */
public final class ModuleFileSystem implements FileSystem {
    static final String FACADES = "/lambda-bridge-esm-facades/";

    private final FileSystem delegate;
    private final Map<String, byte[]> facades = new ConcurrentHashMap<>();
    private final Map<String, String> prologues = new ConcurrentHashMap<>();

    public ModuleFileSystem(FileSystem delegate) {
        this.delegate = delegate;
    }

    /** The underlying file system, for the loader's own reads. */
    FileSystem delegate() {
        return delegate;
    }

    /** Registers (once) the generated module {@code name} and returns its path. */
    String facade(String name, String source) {
        String path = FACADES + name;
        facades.putIfAbsent(path, source.getBytes(StandardCharsets.UTF_8));
        return path;
    }

    /**
     * GraalJS's reads of the ES module at {@code path} (it reads a module's file more than once as it loads it)
     * start with {@code prologue} on its first line: Node's {@code import.meta.dirname}, {@code filename} and
     * {@code resolve}, which GraalJS's import.meta lacks. Only GraalJS reads through this file system: the loader
     * reads the delegate, and the fs built-in reads files itself, so the function's own reads see the file as it is.
     */
    void prologue(String path, String prologue) {
        prologues.put(path, prologue);
    }

    private byte[] facadeAt(Path path) {
        return path.isAbsolute() && path.startsWith(FACADES) ? facades.get(path.normalize().toString()) : null;
    }

    private byte[] read(Path path) throws IOException {
        try (SeekableByteChannel channel = delegate.newByteChannel(path, Set.of(java.nio.file.StandardOpenOption.READ))) {
            return java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        }
    }

    @Override
    public Path parsePath(URI uri) {
        return delegate.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return delegate.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (facadeAt(path) != null) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new IOException(path + " is read-only");
            }
            return;
        }
        delegate.checkAccess(path, modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        delegate.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        byte[] facade = facadeAt(path);
        if (facade != null) {
            return new ReadOnlyChannel(facade);
        }
        String prologue = prologues.isEmpty() || !path.isAbsolute() ? null : prologues.get(path.normalize().toString());
        if (prologue != null) {
            return new ReadOnlyChannel(ModuleSources.withPrologue(prologue, read(path)));
        }
        return delegate.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return delegate.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return delegate.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return facadeAt(path) != null ? path.normalize() : delegate.toRealPath(path, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        byte[] facade = facadeAt(path);
        if (facade == null) {
            return delegate.readAttributes(path, attributes, options);
        }
        Map<String, Object> values = new HashMap<>();
        FileTime epoch = FileTime.fromMillis(0);
        values.put("isRegularFile", true);
        values.put("isDirectory", false);
        values.put("isSymbolicLink", false);
        values.put("isOther", false);
        values.put("size", (long) facade.length);
        values.put("lastModifiedTime", epoch);
        values.put("lastAccessTime", epoch);
        values.put("creationTime", epoch);
        values.put("fileKey", null);
        return values;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        delegate.setAttribute(path, attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        delegate.copy(source, target, options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        delegate.move(source, target, options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        delegate.createLink(link, existing);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        delegate.createSymbolicLink(link, target, attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return delegate.readSymbolicLink(link);
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        delegate.setCurrentWorkingDirectory(currentWorkingDirectory);
    }

    @Override
    public Path getTempDirectory() {
        return delegate.getTempDirectory();
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        if (facadeAt(path1) != null || facadeAt(path2) != null) {
            return path1.normalize().equals(path2.normalize());
        }
        return delegate.isSameFile(path1, path2, options);
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    /** A generated module's bytes, as a read-only channel. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;
        private boolean open = true;

        ReadOnlyChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("a generated ES module is read-only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("a generated ES module is read-only");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
