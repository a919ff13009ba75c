package dev.lambdabridge.samples.ops.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service emulator run by Node.js as a child process on 127.0.0.1 at a free port. The loopback preload binds it to
 * 127.0.0.1 and ends it when its standard input (held by this JVM) closes; {@link #close()} also ends it and
 * everything it started. Its output goes to {@code target/service-emulators/NAME-PORT.log}.
 */
final class NodeService implements LocalService {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final String PRELOAD = "loopback-preload.cjs";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Map<String, String> endpointEnv;

    private NodeService(String name, int port, Process process, Path log, Map<String, String> endpointEnv) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.endpointEnv = endpointEnv;
    }

    /**
     * Starts {@code node SCRIPT ARGS...} (script relative to the package directory) with {@code {port}} in the
     * arguments and environment replaced by the chosen port, and waits until the port accepts connections.
     *
     * @param sdkServices the AWS SDK service ids it serves, e.g. {@code SNS}, {@code SQS}
     */
    static NodeService start(NpmPackage pkg, String script, List<String> args, Map<String, String> env,
            List<String> sdkServices) {
        Path dir = pkg.directory();
        int port = FreePort.find();
        String name = pkg.name() + "@" + pkg.version();
        List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
        args.forEach(a -> command.add(a.replace("{port}", Integer.toString(port))));
        Path log = Path.of("target", "service-emulators", pkg.name() + "-" + port + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(prepare(log).toFile()));
        builder.environment().put("NODE_OPTIONS", "--require " + preload());
        env.forEach((k, v) -> builder.environment().put(k, v.replace("{port}", Integer.toString(port))));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
        NodeService service = new NodeService(name, port, process, log, endpointEnv(sdkServices, port));
        service.awaitListening();
        return service;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public Map<String, String> endpointEnv() {
        return endpointEnv;
    }

    /** Whether the process still runs (for the harness's own test that nothing is left behind). */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            process.getOutputStream().close(); // the preload exits on end of input
        } catch (IOException ignored) {
            // already closed: destroy below
        }
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before listening on 127.0.0.1:" + port + "; its output (" + log + "):\n" + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " within " + START_LIMIT
                + "; its output (" + log + "):\n" + logText());
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Map<String, String> endpointEnv(List<String> sdkServices, int port) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        sdkServices.forEach(s -> env.put("AWS_ENDPOINT_URL_" + s, "http://127.0.0.1:" + port));
        return Map.copyOf(env);
    }

    private static Path prepare(Path log) {
        try {
            Files.createDirectories(log.getParent());
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + log.getParent(), e);
        }
    }

    /** The preload script, copied once from this jar to a temporary file that node can read. */
    private static synchronized Path preload() {
        try {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "lambda-bridge-" + ProcessHandle.current().pid()
                    + "-" + PRELOAD);
            if (!Files.exists(file)) {
                try (InputStream in = NodeService.class.getResourceAsStream(PRELOAD)) {
                    if (in == null) {
                        throw new IllegalStateException(PRELOAD + " is missing from the class path");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                file.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the node preload " + PRELOAD, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service emulator", e);
        }
    }
}
