package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one object through which the Node.js built-ins (builtins.js, globals.js, node/lib) reach Java, one per
 * context: a guest object of host functions, grouped by area ({@code host.crypto.digest(...)},
 * {@code host.fs.readFile(...)}), each area made on first use. User code never sees it: builtins.js keeps it in
 * its closure. Host access stays closed: these functions take and return strings, numbers, guest arrays and
 * byte buffers only.
 */
public final class NodeHost implements ProxyObject {
    private static final long STARTED_NANOS = System.nanoTime();

    private final GuestErrors errors = new GuestErrors();
    private final Map<String, Supplier<Object>> areas = new HashMap<>();
    private final Map<String, Object> made = new HashMap<>();
    private final IoQueue io;

    /**
     * @param roots  where the fs built-in may read and write
     * @param cwd    the working directory (the task root): process.cwd(), relative paths
     * @param stdout where process.stdout writes (the function's log)
     * @param stderr where process.stderr writes
     * @param io     the I/O completions of this context's event loop
     * @param loop   the event loop's guest half (bridge.js): timers, immediates, the nextTick queue
     */
    public NodeHost(SandboxRoots roots, Path cwd, OutputStream stdout, OutputStream stderr, IoQueue io, Value loop) {
        this.io = io;
        areas.put("loop", () -> loop);
        areas.put("load", () -> new Members(errors).fn("lib", a -> lib(a[0].asString())));
        areas.put("process", () -> ProcessBacking.members(errors, cwd, stdout, stderr, STARTED_NANOS));
        areas.put("os", () -> ProcessBacking.os(errors));
        areas.put("crypto", () -> CryptoBacking.members(errors));
        areas.put("zlib", () -> ZlibBacking.members(errors));
        areas.put("fs", () -> new FsBacking(roots, cwd).members(errors));
        areas.put("http", () -> HttpBacking.members(errors, io));
        areas.put("dns", () -> DnsBacking.members(errors, io));
        areas.put("io", () -> new Members(errors).fn("post", a -> {
            Value callback = a[0];
            io.started();
            io.complete(() -> callback.executeVoid());
            return null;
        }));
    }

    public IoQueue io() {
        return io;
    }

    /** lib/NAME.js evaluated in the calling context: the module function, or null when there is none. */
    private static Object lib(String name) {
        Source source = LibSources.lib(name);
        return source == null ? null : Context.getCurrent().eval(source);
    }

    @Override
    public Object getMember(String key) {
        Object area = made.get(key);
        if (area == null) {
            Supplier<Object> maker = areas.get(key);
            if (maker == null) {
                return null;
            }
            area = maker.get();
            made.put(key, area);
        }
        return area;
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray(areas.keySet().toArray());
    }

    @Override
    public boolean hasMember(String key) {
        return areas.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the host object is read-only");
    }

    static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
