package dev.lambdabridge.bridge.polyglot.modules;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A context with the loader installed over the fixture app of src/test/resources/modules, and a built-in registry
 * that knows two names ({@code events} and {@code fs/promises}), standing in for the real one.
 */
final class LoaderFixture implements AutoCloseable {
    static final Engine ENGINE = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    /** The fixture app, copied to a temporary folder with its fixture_modules folders as node_modules. */
    static final Path APP = copyOfTheApp();

    final Context context;
    final Value loader;

    LoaderFixture() {
        ModuleFileSystem files = new ModuleFileSystem(FileSystem.newDefaultFileSystem());
        context = NodeModules.configure(Context.newBuilder("js").engine(ENGINE).allowExperimentalOptions(true)
                .allowIO(IOAccess.newBuilder().fileSystem(files).build())).build();
        Value registry = context.eval("js", """
                (() => {
                  const known = { events: { EventEmitter: function EventEmitter() {}, once: () => 1 },
                                  'fs/promises': { readFile: () => 'read' } };
                  const bare = (name) => String(name).replace(/^node:/, '');
                  const r = (name) => {
                    if (known[bare(name)]) return known[bare(name)];
                    const e = new Error('No such built-in module: ' + (String(name).startsWith('node:') ? name : 'node:' + name));
                    e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
                    throw e;
                  };
                  r.isBuiltin = (name) => Object.hasOwn(known, bare(name));
                  r.builtinModules = Object.keys(known);
                  return r;
                })()""");
        loader = NodeModules.install(context, registry, files, APP, "/nonexistent/global");
    }

    /** require(request) from a module at {@code from} (relative to the app folder). */
    Value require(String from, String request) {
        return loader.invokeMember("makeRequire", APP.resolve(from).toString()).execute(request);
    }

    Value resolve(String from, String request) {
        return loader.invokeMember("makeRequire", APP.resolve(from).toString()).getMember("resolve").execute(request);
    }

    /** The error that {@code call} throws, as the guest sees it. */
    static Value thrown(Runnable call) {
        try {
            call.run();
        } catch (PolyglotException e) {
            return e.getGuestObject();
        }
        throw new AssertionError("no error was thrown");
    }

    @Override
    public void close() {
        context.close();
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    /** (The project keeps node_modules folders out of git: the fixtures' packages are in fixture_modules.) */
    private static Path copyOfTheApp() {
        try {
            Path source = Path.of(Objects.requireNonNull(LoaderFixture.class.getResource("/modules/app")).toURI());
            Path copyRoot = Files.createTempDirectory("lambda-bridge-modules").toRealPath();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copyRoot)));
            Path target = copyRoot.resolve("app");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString().replace("fixture_modules", "node_modules"));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
