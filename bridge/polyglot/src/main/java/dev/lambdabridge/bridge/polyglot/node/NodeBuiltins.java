package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Node.js's built-in modules and globals in a context: the GraalJS options they rely on, and their installation
 * (builtins.js with its {@link NodeHost}, then globals.js). See bridge/polyglot/README.md for what is provided.
 */
public final class NodeBuiltins {
    private NodeBuiltins() {
    }

    /**
     * GraalJS's own pieces of Node's environment (on a builder with experimental options allowed): TextEncoder and
     * TextDecoder, V8's stack trace API (Error.captureStackTrace), AsyncContext (for AsyncLocalStorage), the Set
     * methods and iterator helpers Node 22 has, and the shell's quit() (process.exit; bridge.js takes it and the
     * other shell functions off the global object). Java's package globals go: Node has none.
     */
    public static Context.Builder configure(Context.Builder builder) {
        return builder
                .option("js.text-encoding", "true")
                .option("js.stack-trace-api", "true")
                .option("js.async-context", "true")
                .option("js.new-set-methods", "true")
                .option("js.iterator-helpers", "true")
                .option("js.shell", "true")
                .option("js.java-package-globals", "false");
    }

    /**
     * Installs the built-ins in {@code context} after bridge.js ({@code loop} is its event loop's guest half);
     * returns {@code requireBuiltin} for the module loader.
     */
    public static Value install(Context context, Value loop, SandboxRoots roots, Path cwd, OutputStream stdout,
            OutputStream stderr, IoQueue io) {
        NodeHost host = new NodeHost(roots, cwd, stdout, stderr, io, loop);
        Value requireBuiltin = context.eval(LibSources.script("builtins.js")).execute(host);
        context.eval(LibSources.script("globals.js")).execute(requireBuiltin, host);
        return requireBuiltin;
    }
}
