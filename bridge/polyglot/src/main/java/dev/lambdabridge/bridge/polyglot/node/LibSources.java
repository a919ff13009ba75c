package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-ins' code in this jar ({@code node/*.js}, {@code node/lib/**}), read and built into a {@link Source}
 * once per process, so that every context on the shared engine reuses its parse. A library file is wrapped as
 * Node wraps a CommonJS module: {@code (function (exports, require, module, host) {...})}.
 */
public final class LibSources {
    private static final String BASE = "/dev/lambdabridge/bridge/polyglot/node/";
    private static final Map<String, Source> LIBS = new ConcurrentHashMap<>();

    private LibSources() {
    }

    /** A top-level script of the built-ins ({@code builtins.js}, {@code globals.js}). */
    public static Source script(String name) {
        return LIBS.computeIfAbsent("/" + name, key -> build(name, read(BASE + name), "lambda-bridge/node/" + name));
    }

    /** The library file {@code lib/<name>.js} as a module function, or null when there is none. */
    static Source lib(String name) {
        if (!name.matches("[a-z0-9_/-]+")) {
            return null;
        }
        Source cached = LIBS.get(name);
        if (cached != null) {
            return cached;
        }
        String text = readOrNull(BASE + "lib/" + name + ".js");
        if (text == null) {
            return null;
        }
        String wrapped = "(function (exports, require, module, host) {" + text + "\n})";
        return LIBS.computeIfAbsent(name, key -> build(name, wrapped, "node:" + name));
    }

    private static Source build(String name, String text, String sourceName) {
        return Source.newBuilder("js", text, sourceName).cached(true).buildLiteral();
    }

    private static String read(String resource) {
        String text = readOrNull(resource);
        if (text == null) {
            throw new IllegalStateException(resource + " is missing from the bridge-polyglot jar");
        }
        return text;
    }

    private static String readOrNull(String resource) {
        try (InputStream in = LibSources.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
