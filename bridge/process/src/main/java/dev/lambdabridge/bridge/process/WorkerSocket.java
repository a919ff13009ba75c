package dev.lambdabridge.bridge.process;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeoutException;

/**
 * The Unix domain socket a worker connects to ({@code LAMBDA_BRIDGE_WORKER_SOCKET}): {@code worker.sock} in a
 * directory of its own (mode 0700), the socket itself mode 0600, so that only this user's processes can connect.
 */
final class WorkerSocket implements AutoCloseable {
    private final Path directory;
    private final Path path;
    private final ServerSocketChannel server;

    private WorkerSocket(Path directory, Path path, ServerSocketChannel server) {
        this.directory = directory;
        this.path = path;
        this.server = server;
    }

    /** Creates the directory and listens on the socket; nothing is left behind when that fails. */
    static WorkerSocket open(String tmpdir) throws IOException {
        Path directory = Files.createTempDirectory(base(tmpdir), "lambda-bridge-"); // mode 0700
        Path path = directory.resolve("worker.sock");
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return new WorkerSocket(directory, path, server);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            delete(directory, path);
            throw e;
        }
    }

    /** {@code tmp} ($TMPDIR) when a socket path in it fits in sun_path (108 bytes), else /tmp. */
    private static Path base(String tmp) {
        if (tmp != null && !tmp.isBlank() && tmp.length() < 60 && Files.isDirectory(Path.of(tmp))) {
            return Path.of(tmp);
        }
        return Path.of("/tmp");
    }

    Path path() {
        return path;
    }

    /**
     * Waits for {@code process} to connect, until {@code byMillis}.
     *
     * @return the connection (blocking), or null when the process exited without connecting
     * @throws TimeoutException when it neither connected nor exited in time
     */
    SocketChannel accept(Process process, long byMillis) throws IOException, TimeoutException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            process.onExit().thenRun(() -> {
                try {
                    selector.wakeup();
                } catch (RuntimeException closed) {
                    // the worker connected long ago
                }
            });
            while (true) {
                SocketChannel accepted = server.accept();
                if (accepted == null && !process.isAlive()) {
                    accepted = server.accept(); // it may have connected (and sent ERROR) just before it exited
                    if (accepted == null) {
                        return null;
                    }
                }
                if (accepted != null) {
                    accepted.configureBlocking(true);
                    return accepted;
                }
                long left = byMillis - System.currentTimeMillis();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                selector.select(left);
                selector.selectedKeys().clear();
            }
        }
    }

    /** Stops listening and removes the socket and its directory. Idempotent. */
    @Override
    public void close() {
        closeQuietly(server);
        delete(directory, path);
    }

    private static void closeQuietly(ServerSocketChannel server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void delete(Path directory, Path path) {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // /tmp is cleaned with the sandbox
        }
    }
}
