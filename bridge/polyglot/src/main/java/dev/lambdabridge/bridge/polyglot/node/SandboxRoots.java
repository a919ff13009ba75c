package dev.lambdabridge.bridge.polyglot.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a function's JavaScript may read and write when host access is closed: the {@code readable} roots (task
 * root, /opt, /tmp) and the {@code writable} ones (/tmp). Symbolic links are followed before the check, so a link in
 * /tmp does not open the rest of the disk. Used by the guest's file system (GraalJS's own reads) and by the fs
 * built-in. {@link #OPEN} allows everything (host access "all").
 */
public final class SandboxRoots {
    public static final SandboxRoots OPEN = new SandboxRoots(null, null);

    private final List<Path> readable;
    private final List<Path> writable;

    private SandboxRoots(List<Path> readable, List<Path> writable) {
        this.readable = readable;
        this.writable = writable;
    }

    public static SandboxRoots of(List<Path> readable, List<Path> writable) {
        return new SandboxRoots(readable.stream().map(SandboxRoots::real).toList(),
                writable.stream().map(SandboxRoots::real).toList());
    }

    public boolean isOpen() {
        return readable == null;
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The path with its longest existing prefix resolved (links followed), so that new files can be checked. */
    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return real(existing).resolve(existing.relativize(absolute));
    }

    public boolean allows(Path path, boolean write) {
        if (isOpen()) {
            return true;
        }
        Path target = resolved(path);
        for (Path root : write ? writable : readable) {
            if (target.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** What a refusal says: the path, and what is allowed. */
    public String refusal(Path path, boolean write, String setting) {
        return (write ? "Writing " : "Reading ") + path + " is not allowed: host access is closed, so the function "
                + "may read only its task root, /opt and /tmp and write only /tmp (set " + setting + "=all to open it)";
    }
}
