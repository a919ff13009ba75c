package dev.lambdabridge.reliability.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak on the built layers ({@code scripts/build-layers}' zips), as Lambda runs a function: each function's
 * runtime in a mount namespace of its own ({@code unshare --mount}, as root), with its layers unzipped on
 * {@code /opt} and its code on {@code /var/task}, both read-only, the root read-only and {@code /tmp} a fresh
 * tmpfs ({@code soak/layers/in-namespace.sh}, the mounts of layers/test-layers.sh). Each combination of layers is
 * unzipped once, with {@code unzip} (it keeps the files' modes, which java.util.zip does not).
 */
final class MountNamespace {
    private final Path zips;
    private final Path work;
    private final Path script;
    private final Map<String, Path> unpacked = new HashMap<>();

    /**
     * @param zips   where the layer zips are (layers/target)
     * @param work   an empty directory for the unzipped combinations
     * @param script {@code in-namespace.sh}
     */
    MountNamespace(Path zips, Path work, Path script) {
        this.zips = zips;
        this.work = work;
        this.script = script;
    }

    /** The command the emulator starts for a function on {@code layers} with its code in {@code code}. */
    List<String> command(List<String> layers, Path code) throws IOException, InterruptedException {
        return List.of("unshare", "--mount", "/bin/sh", script.toAbsolutePath().toString(),
                opt(layers).toString(), code.toAbsolutePath().toString());
    }

    /** The layers unzipped in their order into one directory, as Lambda does into /opt. */
    private Path opt(List<String> layers) throws IOException, InterruptedException {
        String combination = String.join("+", layers);
        Path opt = unpacked.get(combination);
        if (opt != null) {
            return opt;
        }
        opt = Files.createDirectories(work.resolve(combination).resolve("opt"));
        for (String layer : layers) {
            Path zip = zips.resolve(layer + ".zip");
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("no layer " + zip + ": run scripts/build-layers");
            }
            Process unzip = new ProcessBuilder("unzip", "-q", "-o", zip.toString(), "-d", opt.toString())
                    .redirectErrorStream(true).start();
            String output = new String(unzip.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (unzip.waitFor() != 0) {
                throw new IllegalStateException("unzip " + zip + " failed (exit " + unzip.exitValue() + "): " + output);
            }
        }
        unpacked.put(combination, opt);
        return opt;
    }
}
