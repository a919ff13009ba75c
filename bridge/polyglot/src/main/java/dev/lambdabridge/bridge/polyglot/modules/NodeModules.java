package dev.lambdabridge.bridge.polyglot.modules;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Node.js's module system for the function's code: loader.js (CommonJS as Node 22 does it, and the resolution of
 * every ES module import), installed in a context whose file system is a {@link ModuleFileSystem}.
 *
 * <p>Why the loader does the resolving, and how it reaches GraalJS's ES modules: GraalJS 25.0's own Node
 * emulation ({@code js.commonjs-require} and its npm-compatible ES module loader) has no package.json
 * {@code "exports"} or {@code "imports"} (it fails on them), takes no {@code node} condition, and loads CommonJS
 * from ES modules through its own {@code require}, not the loader's. The only embedder hook that sees both the
 * importing module and the specifier is {@code js.mle-mode}'s {@code MLE.registerESMLookup(fn)}: GraalJS's default
 * ES module loader calls {@code fn(referrerPath, specifier)} for every static and dynamic import and loads the path
 * it returns. A custom polyglot FileSystem alone cannot do it (it sees paths, not who imports them), and rewriting
 * import statements would need a JavaScript parser. The option is marked experimental, so this class is the one
 * place that knows of it, and EsmInteropTest pins its behaviour on each GraalVM upgrade.
 */
public final class NodeModules {
    private static final Source LOADER = read("loader.js");
    /** Lambda's NODE_PATH (without /var/runtime, whose modules are the Node.js runtime's own). */
    private static final List<String> LAMBDA_GLOBAL_PATHS = List.of("/opt/nodejs/node22/node_modules",
            "/opt/nodejs/node_modules");

    private NodeModules() {
    }

    /** The context options the loader needs (on a context builder with experimental options allowed). */
    public static Context.Builder configure(Context.Builder builder) {
        return builder
                .option("js.mle-mode", "true")
                .option("js.json-modules", "true")
                .option("js.esm-eval-returns-exports", "true");
    }

    /**
     * Evaluates loader.js in {@code context} with the built-in registry {@code requireBuiltin} and hooks it into
     * GraalJS's ES module loading; returns the loader ({@code loadMain(path)}, {@code Module}, ...).
     */
    public static Value install(Context context, Value requireBuiltin, ModuleFileSystem files, Path taskRoot,
            String nodePath) {
        ProxyObject options = ProxyObject.fromMap(Map.of(
                "taskRoot", taskRoot.toString(),
                "globalPaths", ProxyArray.fromList(new ArrayList<>(globalPaths(nodePath, taskRoot)))));
        Value loader = context.eval(LOADER).execute(requireBuiltin, new ModuleHost(files).proxy(), options);
        // GraalJS wants a host function here: the loader's, called with (referrer path or null, specifier)
        Value lookup = loader.getMember("esmLookup");
        ProxyExecutable hook = args -> lookup.execute(args[0], args[1]).asString();
        context.eval("js", "(lookup) => { MLE.registerESMLookup(lookup); delete globalThis.MLE; }").execute(hook);
        return loader;
    }

    /** Node's global folders: NODE_PATH when set, else Lambda's (its layers' folders, then the task root). */
    static List<String> globalPaths(String nodePath, Path taskRoot) {
        if (nodePath != null && !nodePath.isBlank()) {
            return Arrays.stream(nodePath.split(":")).filter(p -> !p.isBlank()).map(String::trim).toList();
        }
        List<String> paths = new ArrayList<>(LAMBDA_GLOBAL_PATHS);
        paths.add(taskRoot.toString());
        return paths;
    }

    private static Source read(String name) {
        try (InputStream in = NodeModules.class.getResourceAsStream("/dev/lambdabridge/bridge/polyglot/node/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the bridge-polyglot jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, "lambda-bridge/node/" + name).internal(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
