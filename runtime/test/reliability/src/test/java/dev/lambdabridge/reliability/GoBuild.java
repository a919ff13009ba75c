package dev.lambdabridge.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the tests' Go programs with {@code go build}, offline (GOPROXY=off), static (CGO_ENABLED=0). */
public final class GoBuild {
    private GoBuild() {
    }

    /** {@code go build}, offline; {@code shim}: the Go shim's module, for a worker. */
    public static void build(Path dir, Path source, Path output, Path shim) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.copy(source, dir.resolve("main.go"));
        List<String> command = new ArrayList<>(List.of("go", "build", "-o", output.toString()));
        if (shim != null) {
            Files.writeString(dir.resolve("go.mod"), "module soakworker\n\ngo 1.19\n\nrequire lambdabridge.dev/shim "
                    + "v0.0.0\n\nreplace lambdabridge.dev/shim => " + shim + "\n");
            command.add(".");
        } else {
            command.add("main.go");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("GOFLAGS", "-mod=mod");
        builder.environment().put("CGO_ENABLED", "0");
        if (System.getenv("HOME") == null) {
            builder.environment().put("GOCACHE", dir.resolve("gocache").toString());
            builder.environment().put("GOPATH", dir.resolve("gopath").toString());
        }
        Process go = builder.start();
        String output2 = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!go.waitFor(180, TimeUnit.SECONDS) || go.exitValue() != 0) {
            go.destroyForcibly();
            throw new IllegalStateException("go build of " + source + " failed: " + output2);
        }
    }
}
