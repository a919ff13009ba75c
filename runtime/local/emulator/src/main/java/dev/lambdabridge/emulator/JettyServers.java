package dev.lambdabridge.emulator;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the emulator's Jetty server and its connectors, tuned for a short per-request path. */
final class JettyServers {
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;

    private JettyServers() {
    }

    static Server server() {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("lambda-emulator");
        threads.setDaemon(true);
        return new Server(threads);
    }

    /**
     * A connector on host:port (0 = ephemeral).
     *
     * @param idleTimeoutMillis how long a connection may stay silent: a parked {@code GET next} is silent
     */
    static ServerConnector connector(Server server, String host, int port, long idleTimeoutMillis) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        // each connector keeps its acceptor and selector threads for its lifetime; grow the pool with the number of
        // hosted functions, or a few dozen functions exhaust it ("Insufficient configured threads")
        if (server.getThreadPool() instanceof QueuedThreadPool pool) {
            pool.setMaxThreads(pool.getMaxThreads() + 2);
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeoutMillis);
        return connector;
    }
}
