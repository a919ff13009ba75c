package dev.lambdabridge.bridge.polyglot.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A local AWS service emulator written for Node.js (dynalite, s3rver), on 127.0.0.1 at a free port, stopped with
 * its process tree on close.
 */
public final class NodeService implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 20_000;

    private final Process process;
    private final int port;

    private NodeService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** dynalite@4.0.0, installed globally by scripts/lib/packages.sh; tables are created at once. */
    public static NodeService dynalite() {
        Path cli = Path.of(globalNpmRoot(), "dynalite", "cli.js");
        return start(port -> List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    }

    /** s3rver@3.7.1 of the node22 tree, keeping its objects in {@code directory}. */
    public static NodeService s3rver(Path directory) {
        Path cli = NpmTrees.node22().resolve("node_modules/s3rver/bin/s3rver.js");
        return start(port -> List.of(NpmTrees.node().toString(), cli.toString(), "--address", "127.0.0.1",
                "--port", String.valueOf(port), "--directory", directory.toString(), "--silent"));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private static NodeService start(IntFunction<List<String>> command) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command.apply(port)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            NodeService service = new NodeService(process, port);
            service.awaitListening(command.apply(port));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(List<String> command) {
        long until = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(command + " exited with status " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException(command + " did not listen on " + port + " within " + START_TIMEOUT_MS + " ms");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String globalNpmRoot() {
        try {
            Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            String root = new String(npm.getInputStream().readAllBytes()).trim();
            npm.waitFor();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
