package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JVM options our {@code bootstrap} starts its JVM with, read off the script by running a copy of it with a
 * stand-in {@code java} that prints its arguments (a JDK directory holding only a {@code release} file and that
 * stand-in). So the other Java runtimes get exactly the options the bootstrap computes for the function's memory
 * size, whatever the script's heap formula or flags are today.
 *
 * @param options        the options before {@code -cp}, without {@code -XX:AOTCache} (a cache belongs to our jars)
 * @param ourAotCache    the AOT cache option our bootstrap adds, or null when it uses none
 * @param source         where the options came from, for the report
 */
record JvmFlags(List<String> options, String ourAotCache, String source) {

    static final String MAIN_CLASS = "dev.lambdabridge.runtime.Bootstrap";

    JvmFlags {
        options = List.copyOf(options);
    }

    /** No bootstrap to read from: plain JVM defaults (only for a run without our runtime). */
    static JvmFlags none(String why) {
        return new JvmFlags(List.of(), null, "none: " + why);
    }

    static JvmFlags fromBootstrap(Path bootstrap, int memoryMb) throws IOException {
        if (!Files.isRegularFile(bootstrap)) {
            throw new IOException("no bootstrap at " + bootstrap + ": build runtime/core first (scripts/bench does)");
        }
        Path probe = Files.createTempDirectory("bench-bootstrap-probe");
        try {
            Path dist = Files.createDirectories(probe.resolve("dist"));
            Files.createDirectories(dist.resolve("lib"));
            Path script = dist.resolve("bootstrap");
            Files.copy(bootstrap, script);
            Path aot = bootstrap.resolveSibling("lib").resolve("runtime.aot");
            if (Files.exists(aot)) {
                Files.writeString(dist.resolve("lib").resolve("runtime.aot"), "");
            }
            Path jdk = Files.createDirectories(probe.resolve("jdk").resolve("bin"));
            Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"" + Runtime.version().feature()
                    + "\"\n");
            Path echo = jdk.resolve("java");
            Files.writeString(echo, "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\"; done\n");
            Files.setPosixFilePermissions(echo, PosixFilePermissions.fromString("rwxr-xr-x"));

            ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("LAMBDA_BRIDGE_")
                    || name.equals("JAVA_TOOL_OPTIONS"));
            builder.environment().put("JAVA_HOME", jdk.getParent().toString());
            builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("running " + bootstrap + " with a stand-in java failed: " + output);
            }
            JvmFlags flags = parse(output.lines().toList(), bootstrap);
            String aotOption = flags.ourAotCache() == null ? null
                    : flags.ourAotCache().replace(dist.toString(), bootstrap.toAbsolutePath().getParent().toString());
            return new JvmFlags(flags.options(), aotOption, flags.source());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + bootstrap, e);
        } finally {
            try (Stream<Path> files = Files.walk(probe)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The arguments the bootstrap passed to java: options, {@code -cp}, the class path, the main class. */
    static JvmFlags parse(List<String> args, Path bootstrap) throws IOException {
        int cp = args.indexOf("-cp");
        if (cp < 0 || cp + 2 >= args.size() || !args.get(cp + 2).equals(MAIN_CLASS)) {
            throw new IOException(bootstrap + " no longer starts java as '<options> -cp <path> " + MAIN_CLASS
                    + "'; got: " + args);
        }
        List<String> options = new ArrayList<>();
        String aot = null;
        for (String arg : args.subList(0, cp)) {
            if (arg.startsWith("-XX:AOTCache=")) {
                aot = arg;
            } else {
                options.add(arg);
            }
        }
        return new JvmFlags(options, aot, "read from " + bootstrap);
    }
}
