package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code fs}'s Java half: synchronous file operations (the guest side builds the callback and promise forms on
 * them), within the {@link SandboxRoots}, failing as Node does ({@code ENOENT: no such file or directory, open
 * '/x'} with {@code code}, {@code errno}, {@code syscall} and {@code path}). Relative paths are against the
 * function's working directory (the task root).
 */
final class FsBacking {
    private final SandboxRoots roots;
    private final Path cwd;
    private final Map<Integer, OpenFile> files = new HashMap<>();
    private int nextFd = 20;

    private record OpenFile(Path path, FileChannel channel) {
    }

    FsBacking(SandboxRoots roots, Path cwd) {
        this.roots = roots;
        this.cwd = cwd;
    }

    Members members(GuestErrors errors) {
        return new Members(errors)
                .fn("readFile", a -> call("open", a[0], p -> Bytes.wrap(Files.readAllBytes(file(readable(p))))))
                .fn("readText", a -> call("open", a[0], p -> Files.readString(file(readable(p)), StandardCharsets.UTF_8)))
                .fn("writeFile", a -> call("open", a[0], p -> {
                    Files.write(writable(p), Bytes.read(a[1], a[2], a[3]), writeOptions(a[4].asString()));
                    return null;
                }))
                .fn("stat", a -> call(a[1].asBoolean() ? "stat" : "lstat", a[0],
                        p -> stat(readable(p), a[1].asBoolean())))
                .fn("exists", a -> exists(a[0].asString()))
                .fn("readdir", a -> call("scandir", a[0], this::readdir))
                .fn("mkdir", a -> call("mkdir", a[0], p -> mkdir(writable(p), a[1].asBoolean())))
                .fn("rmdir", a -> call("rmdir", a[0], p -> {
                    Files.delete(directory(writable(p)));
                    return null;
                }))
                .fn("rm", a -> call("rm", a[0], p -> rm(writable(p), a[1].asBoolean(), a[2].asBoolean())))
                .fn("unlink", a -> call("unlink", a[0], p -> {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileSystemException(p.toString(), null, "EISDIR");
                    }
                    Files.delete(writable(p));
                    return null;
                }))
                .fn("rename", a -> call("rename", a[0], p -> {
                    Files.move(writable(p), writable(path(a[1])), StandardCopyOption.REPLACE_EXISTING);
                    return null;
                }))
                .fn("copyFile", a -> call("copyfile", a[0], p -> {
                    if (a[2].asBoolean()) {
                        Files.copy(readable(p), writable(path(a[1])));
                    } else {
                        Files.copy(readable(p), writable(path(a[1])), StandardCopyOption.REPLACE_EXISTING);
                    }
                    return null;
                }))
                .fn("access", a -> call("access", a[0], p -> access(p, a[1].asInt())))
                .fn("realpath", a -> call("realpath", a[0], p -> readable(p).toRealPath().toString()))
                .fn("readlink", a -> call("readlink", a[0], p -> Files.readSymbolicLink(readable(p)).toString()))
                .fn("symlink", a -> call("symlink", a[1], p -> {
                    Files.createSymbolicLink(writable(p), Path.of(a[0].asString()));
                    return null;
                }))
                .fn("chmod", a -> call("chmod", a[0], p -> {
                    Files.setPosixFilePermissions(writable(p), PosixFilePermissions.fromString(mode(a[1].asInt())));
                    return null;
                }))
                .fn("truncate", a -> call("open", a[0], p -> {
                    try (FileChannel channel = FileChannel.open(writable(p), StandardOpenOption.WRITE)) {
                        channel.truncate(a[1].asLong());
                    }
                    return null;
                }))
                .fn("mkdtemp", a -> call("mkdtemp", a[0], p -> {
                    Path parent = writable(p).getParent();
                    return Files.createTempDirectory(parent, p.getFileName().toString()).toString();
                }))
                .fn("open", a -> call("open", a[0], p -> open(p, a[1].asString())))
                .fn("read", a -> fd("read", a[0], f -> read(f, a[1].asInt(), a[2].asLong())))
                .fn("write", a -> fd("write", a[0], f -> write(f, Bytes.read(a[1], a[2], a[3]), a[4].asLong())))
                .fn("fstat", a -> fd("fstat", a[0], f -> stat(f.path(), true)))
                .fn("close", a -> fd("close", a[0], f -> {
                    f.channel().close();
                    files.remove(a[0].asInt());
                    return null;
                }));
    }

    private interface PathOp {
        Object apply(Path path) throws IOException;
    }

    private interface FdOp {
        Object apply(OpenFile file) throws IOException;
    }

    private Path path(Value name) {
        return cwd.resolve(name.asString()).normalize();
    }

    private Object call(String syscall, Value name, PathOp op) {
        Path path = path(name);
        try {
            return op.apply(path);
        } catch (Refused e) {
            throw failure("EACCES", syscall, name.asString());
        } catch (NoSuchFileException e) {
            throw failure("ENOENT", syscall, name.asString());
        } catch (FileAlreadyExistsException e) {
            throw failure("EEXIST", syscall, name.asString());
        } catch (DirectoryNotEmptyException e) {
            throw failure("ENOTEMPTY", syscall, name.asString());
        } catch (NotDirectoryException e) {
            throw failure("ENOTDIR", syscall, name.asString());
        } catch (NotLinkException e) {
            throw failure("EINVAL", syscall, name.asString());
        } catch (AccessDeniedException e) {
            throw failure("EACCES", syscall, name.asString());
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.equals("EISDIR") || reason.contains("Is a directory")) {
                throw failure("EISDIR", syscall, name.asString());
            }
            if (reason.contains("Not a directory")) {
                throw failure("ENOTDIR", syscall, name.asString());
            }
            throw failure("EIO", syscall, name.asString());
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw failure("EISDIR", syscall, name.asString());
            }
            throw failure("EIO", syscall, name.asString());
        }
    }

    private Object fd(String syscall, Value fd, FdOp op) {
        OpenFile file = fd.isNumber() ? files.get(fd.asInt()) : null;
        if (file == null) {
            throw failure("EBADF", syscall, null);
        }
        try {
            return op.apply(file);
        } catch (IOException e) {
            throw failure("EIO", syscall, null);
        }
    }

    /** Node's errors (libuv's names, numbers and words). */
    private static final Map<String, Object[]> CODES = Map.of(
            "ENOENT", new Object[] {-2, "no such file or directory"},
            "EACCES", new Object[] {-13, "permission denied"},
            "EEXIST", new Object[] {-17, "file already exists"},
            "ENOTDIR", new Object[] {-20, "not a directory"},
            "EISDIR", new Object[] {-21, "illegal operation on a directory"},
            "EINVAL", new Object[] {-22, "invalid argument"},
            "ENOTEMPTY", new Object[] {-39, "directory not empty"},
            "EBADF", new Object[] {-9, "bad file descriptor"},
            "EIO", new Object[] {-5, "i/o error"});

    static NodeError failure(String code, String syscall, String path) {
        Object[] known = CODES.get(code);
        String message = code + ": " + known[1] + ", " + syscall + (path == null ? "" : " '" + path + "'");
        NodeError error = NodeError.error(message).with("errno", known[0]).with("code", code).with("syscall", syscall);
        return path == null ? error : error.with("path", path);
    }

    /** Thrown for a path outside the sandbox: EACCES. */
    private static final class Refused extends IOException {
        Refused() {
            super(null, null);
        }
    }

    private Path readable(Path path) throws Refused {
        if (!roots.allows(path, false)) {
            throw new Refused();
        }
        return path;
    }

    private Path writable(Path path) throws Refused {
        if (!roots.allows(path, true)) {
            throw new Refused();
        }
        return path;
    }

    /** A directory read as a file fails as Node's read(2) does: EISDIR, syscall read, no path. */
    private static Path file(Path path) {
        if (Files.isDirectory(path)) {
            throw failure("EISDIR", "read", null);
        }
        return path;
    }

    private static Path directory(Path path) throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new NotDirectoryException(path.toString());
        }
        return path;
    }

    private boolean exists(String name) {
        Path path = cwd.resolve(name).normalize();
        return roots.allows(path, false) && Files.exists(path);
    }

    private static OpenOption[] writeOptions(String flag) {
        return switch (flag) {
            case "a" -> new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND};
            case "wx" -> new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
            case "ax" -> new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND};
            default -> new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE};
        };
    }

    private static Object stat(Path path, boolean follow) throws IOException {
        LinkOption[] links = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> attributes = Files.readAttributes(path, "unix:*", links);
        Map<String, Object> stat = new LinkedHashMap<>();
        for (String key : List.of("dev", "mode", "nlink", "uid", "gid", "rdev", "ino", "size")) {
            Object value = attributes.get(key);
            stat.put(key, value instanceof Number n ? n.doubleValue() : 0);
        }
        stat.put("atimeMs", millis(attributes.get("lastAccessTime")));
        stat.put("mtimeMs", millis(attributes.get("lastModifiedTime")));
        stat.put("ctimeMs", millis(attributes.get("ctime")));
        stat.put("birthtimeMs", millis(attributes.get("creationTime")));
        return ProxyObject.fromMap(stat);
    }

    private static double millis(Object time) {
        return time instanceof java.nio.file.attribute.FileTime t ? t.toMillis() : 0;
    }

    private Object readdir(Path path) throws IOException {
        readable(path);
        directory(path);
        List<Object> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(path)) {
            for (Path entry : list.sorted().toList()) {
                String type = Files.isSymbolicLink(entry) ? "link" : Files.isDirectory(entry) ? "dir"
                        : Files.isRegularFile(entry) ? "file" : "other";
                entries.add(ProxyArray.fromArray(entry.getFileName().toString(), type));
            }
        }
        return ProxyArray.fromList(entries);
    }

    private static Object mkdir(Path path, boolean recursive) throws IOException {
        if (!recursive) {
            Files.createDirectory(path);
            return null;
        }
        Path first = null;
        for (Path at = path; at != null && !Files.exists(at); at = at.getParent()) {
            first = at;
        }
        Files.createDirectories(path);
        return first == null ? null : first.toString();
    }

    private static Object rm(Path path, boolean recursive, boolean force) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (force) {
                return null;
            }
            throw new NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!recursive) {
                throw new FileSystemException(path.toString(), null, "EISDIR");
            }
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(entry);
                }
            }
            return null;
        }
        Files.delete(path);
        return null;
    }

    private Object access(Path path, int mode) throws IOException {
        boolean write = (mode & 2) != 0;
        if (write ? !roots.allows(path, true) : !roots.allows(path, false)) {
            throw new Refused();
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if ((write && !Files.isWritable(path)) || ((mode & 4) != 0 && !Files.isReadable(path))
                || ((mode & 1) != 0 && !Files.isExecutable(path))) {
            throw new AccessDeniedException(path.toString());
        }
        return null;
    }

    private static String mode(int mode) {
        StringBuilder text = new StringBuilder(9);
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }

    private Object open(Path path, String flags) throws IOException {
        Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
        boolean writes = !flags.equals("r");
        switch (flags) {
            case "r" -> options.add(StandardOpenOption.READ);
            case "r+" -> options.addAll(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
            case "a", "a+" -> options.addAll(List.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            case "ax", "wx" -> options.addAll(List.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            case "w+" -> options.addAll(List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ));
            default -> options.addAll(List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE));
        }
        Path checked = writes ? writable(path) : readable(path);
        if (Files.isDirectory(checked)) {
            throw new FileSystemException(path.toString(), null, "EISDIR");
        }
        FileChannel channel = FileChannel.open(checked, options);
        int fd = nextFd++;
        files.put(fd, new OpenFile(checked, channel));
        return fd;
    }

    private static Object read(OpenFile file, int length, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = position < 0 ? file.channel().read(buffer) : file.channel().read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        byte[] bytes = new byte[total];
        System.arraycopy(buffer.array(), 0, bytes, 0, total);
        return Bytes.wrap(bytes);
    }

    private static Object write(OpenFile file, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (position < 0) {
                file.channel().write(buffer);
            } else {
                file.channel().write(buffer, position + buffer.position());
            }
        }
        return bytes.length;
    }
}
