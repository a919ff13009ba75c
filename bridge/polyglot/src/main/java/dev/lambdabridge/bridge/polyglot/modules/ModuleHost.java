package dev.lambdabridge.bridge.polyglot.modules;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * What loader.js may ask of the host: file probes and reads through the guest's own file system (so the sandbox's
 * roots apply to the loader exactly as to the function), and compiling a file's code under its path (so stack
 * traces and import.meta show the file). A polyglot proxy of functions: no Java object reaches the guest.
 */
final class ModuleHost {
    private static final int NOT_FOUND = 0;
    private static final int FILE = 1;
    private static final int DIRECTORY = 2;
    private static final int REFUSED = -1;
    private static final String MODULE_MIME = "application/javascript+module";
    /** Node's CommonJS wrapper: the module's code runs as the body of this function. */
    private static final String WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";
    private static final String WRAPPER_TAIL = "\n})";

    private final ModuleFileSystem files;

    ModuleHost(ModuleFileSystem files) {
        this.files = files;
    }

    ProxyObject proxy() {
        return ProxyObject.fromMap(Map.of(
                "stat", (ProxyExecutable) args -> stat(args[0].asString()),
                "read", (ProxyExecutable) args -> read(args[0].asString()),
                "realpath", (ProxyExecutable) args -> realpath(args[0].asString()),
                "refusal", (ProxyExecutable) args -> refusal(args[0].asString()),
                "compile", (ProxyExecutable) args -> compile(args[0].asString(), args[1].asString()),
                "esm", (ProxyExecutable) args -> esm(args[0].asString(), args[1].asString()),
                "facade", (ProxyExecutable) args -> files.facade(args[0].asString(), args[1].asString()),
                "prologue", (ProxyExecutable) args -> {
                    files.prologue(args[0].asString(), args[1].asString());
                    return null;
                }));
    }

    private int stat(String path) {
        try {
            Map<String, Object> attributes = files.delegate().readAttributes(Path.of(path), "isRegularFile,isDirectory");
            if (Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
                return FILE;
            }
            return Boolean.TRUE.equals(attributes.get("isDirectory")) ? DIRECTORY : NOT_FOUND;
        } catch (SecurityException e) {
            return REFUSED;
        } catch (IOException | RuntimeException e) {
            return NOT_FOUND;
        }
    }

    private String read(String path) {
        try (SeekableByteChannel channel = files.delegate().newByteChannel(Path.of(path), Set.of(StandardOpenOption.READ))) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(path + " is too large to load as a module (" + size + " bytes)");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads to the end
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private String realpath(String path) {
        try {
            return files.delegate().toRealPath(Path.of(path)).toString();
        } catch (IOException | SecurityException e) {
            return path;
        }
    }

    /** The sandbox's own words for refusing {@code path} (it names the setting that opens it). */
    private String refusal(String path) {
        try {
            files.delegate().readAttributes(Path.of(path), "isRegularFile");
            return "reading " + path + " failed";
        } catch (SecurityException e) {
            return e.getMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The file's CommonJS code as a function (exports, require, module, __filename, __dirname). */
    private Value compile(String path, String code) {
        Source source = Source.newBuilder("js", new File(path)).content(WRAPPER_HEAD + code + WRAPPER_TAIL).buildLiteral();
        return Context.getCurrent().eval(source);
    }

    /** The ES module at {@code path} (with the loader's {@code prologue}), linked and evaluated: its namespace. */
    private Value esm(String path, String prologue) {
        String code = ModuleSources.withPrologue(prologue, read(path));
        Source source = Source.newBuilder("js", new File(path)).content(code).mimeType(MODULE_MIME).buildLiteral();
        return Context.getCurrent().eval(source);
    }
}
