package dev.lambdabridge.bridge.process;

import org.junit.jupiter.api.Test;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerSocketTest {

    @Test
    void onlyThisUserCanConnectAndCloseLeavesNothingBehind() throws Exception {
        WorkerSocket socket = WorkerSocket.open(null);
        Path path = socket.path();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
        assertTrue(path.toString().length() < 108, "fits in sun_path: " + path);
        socket.close();
        socket.close(); // idempotent
        assertFalse(Files.exists(path));
        assertFalse(Files.exists(path.getParent()));
    }

    @Test
    void acceptReturnsTheConnectionOfAProgramThatConnects() throws Exception {
        try (WorkerSocket socket = WorkerSocket.open(null)) {
            Process sleeper = new ProcessBuilder("sleep", "30").start();
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(UnixDomainSocketAddress.of(socket.path()));
                try (SocketChannel accepted = socket.accept(sleeper, System.currentTimeMillis() + 5_000)) {
                    assertNotNull(accepted);
                    assertTrue(accepted.isBlocking());
                }
            } finally {
                sleeper.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void acceptEndsWhenTheProgramExitsWithoutConnectingAndAtTheDeadline() throws Exception {
        try (WorkerSocket socket = WorkerSocket.open(null)) {
            Process exits = new ProcessBuilder("sh", "-c", "sleep 0.2").start();
            long start = System.nanoTime();
            assertNull(socket.accept(exits, System.currentTimeMillis() + 10_000));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "woken by the exit, not the deadline");

            Process sleeper = new ProcessBuilder("sleep", "30").start();
            try {
                assertThrows(TimeoutException.class, () -> socket.accept(sleeper, System.currentTimeMillis() + 200));
            } finally {
                sleeper.destroyForcibly().waitFor();
            }
        }
    }
}
