package dev.lambdabridge.samples.ops.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A globally installed npm package at its pinned version (scripts/lib/packages.sh installs them). A missing or
 * different version is an error that says how to install the right one.
 */
record NpmPackage(String name, String version) {
    private static volatile Path globalRoot;

    /** The package's directory, after checking its package.json names the pinned version. */
    Path directory() {
        Path dir = globalRoot().resolve(name);
        Path manifest = dir.resolve("package.json");
        String found;
        try {
            found = Files.isRegularFile(manifest)
                    ? new ObjectMapper().readTree(manifest.toFile()).path("version").asText() : "not installed";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        if (!found.equals(version)) {
            throw new IllegalStateException("npm package " + name + "@" + version + " is needed in " + globalRoot()
                    + " (found: " + found + "); install it with scripts/lib/packages.sh (lb_install_npm_packages) or: npm install -g "
                    + name + "@" + version);
        }
        return dir;
    }

    private static Path globalRoot() {
        if (globalRoot == null) {
            globalRoot = Path.of(npmRootGlobal());
        }
        return globalRoot;
    }

    private static String npmRootGlobal() {
        try {
            Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            npm.getOutputStream().close();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!npm.waitFor(30, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new IllegalStateException("`npm root -g` failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run npm (Node.js 20 and npm are needed for the service emulators)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running `npm root -g`", e);
        }
    }
}
