package dev.lambdabridge.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP side of the front door, on Jetty 12: reads each request whole (up to API Gateway's 10 MB payload
 * limit), hands it to {@link ApiGateway} and writes the answer. Blocking: each request holds a Jetty thread while
 * the function runs, which is what a local server needs.
 */
public final class JettyFrontDoor implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    private JettyFrontDoor(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts listening on host:port (0 = a free port). */
    public static JettyFrontDoor start(String host, int port, ApiGateway gateway) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("serve-api");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // /time/Europe%2FDublin must reach the route, as it does on API Gateway (Jetty refuses %2F by default)
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GatewayHandler(gateway));
        server.setErrorHandler(new JsonErrorHandler("message"));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new JettyFrontDoor(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class GatewayHandler extends Handler.Abstract {
        private final ApiGateway gateway;

        GatewayHandler(ApiGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            HttpResponseData answer = body.length > MAX_BODY_BYTES
                    ? HttpResponseData.gatewayError(413, "Request Too Long", "RequestTooLongException")
                    : gateway.handle(requestData(request, body));
            send(response, callback, answer);
            return true;
        }
    }

    /**
     * The request as the front doors read it, independent of Jetty, with the headers AWS's front doors add:
     * {@code X-Forwarded-For} (the client's address, after any the client sent), {@code X-Forwarded-Port},
     * {@code X-Forwarded-Proto}.
     */
    static HttpRequestData requestData(Request request, byte[] body) {
        String sourceIp = Request.getRemoteAddr(request);
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            sourceIp = remote.getAddress().getHostAddress();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String forwardedFor = null;
        for (HttpField field : request.getHeaders()) {
            if (field.getName().equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = forwardedFor == null ? field.getValue() : forwardedFor + ", " + field.getValue();
            } else if (!field.getName().equalsIgnoreCase("X-Forwarded-Port")
                    && !field.getName().equalsIgnoreCase("X-Forwarded-Proto")) {
                headers.add(Map.entry(field.getName(), field.getValue()));
            }
        }
        headers.add(Map.entry("X-Forwarded-For", forwardedFor == null ? sourceIp : forwardedFor + ", " + sourceIp));
        headers.add(Map.entry("X-Forwarded-Port", String.valueOf(Request.getLocalPort(request))));
        headers.add(Map.entry("X-Forwarded-Proto", request.getHttpURI().getScheme() == null ? "http"
                : request.getHttpURI().getScheme()));
        return new HttpRequestData(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), headers, body, sourceIp);
    }

    /** Writes a whole answer and completes the exchange. */
    static void send(Response response, Callback callback, HttpResponseData answer) {
        answer.headers().forEach(h -> response.getHeaders().add(h.getKey(), h.getValue()));
        response.setStatus(answer.status());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
