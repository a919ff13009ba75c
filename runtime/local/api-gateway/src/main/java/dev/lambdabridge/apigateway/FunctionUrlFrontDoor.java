package dev.lambdabridge.apigateway;

import dev.lambdabridge.emulator.Emulator;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
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
 * The function URLs of the template, on Jetty 12: each function with a FunctionUrlConfig gets a port of its own, as
 * each function URL has a host of its own on AWS, so that every path of that port is the function's (the event's
 * {@code rawPath} is the path as called). One server, one connector per function; {@link FunctionUrlHandler}
 * answers.
 */
public final class FunctionUrlFrontDoor implements AutoCloseable {
    private final Server server;
    private final Map<String, String> urls;

    private FunctionUrlFrontDoor(Server server, Map<String, String> urls) {
        this.server = server;
        this.urls = urls;
    }

    /** @param firstPort the first function's port, the next one's firstPort+1, ...; 0 for free ports */
    public static FunctionUrlFrontDoor start(String host, int firstPort, List<TemplateApis.FunctionUrl> functionUrls,
                                             Emulator emulator, Consumer<String> log) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("function-urls");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(UriCompliance.LEGACY);
        Map<Connector, FunctionUrlHandler> handlers = new HashMap<>();
        Map<ServerConnector, String> names = new LinkedHashMap<>();
        for (int i = 0; i < functionUrls.size(); i++) {
            TemplateApis.FunctionUrl url = functionUrls.get(i);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(firstPort == 0 ? 0 : firstPort + i);
            server.addConnector(connector);
            handlers.put(connector, new FunctionUrlHandler(url.function(), url.config(), emulator, log));
            names.put(connector, url.function());
        }
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return handlers.get(request.getConnectionMetaData().getConnector()).handle(request, response, callback);
            }
        });
        server.setErrorHandler(new JsonErrorHandler("Message"));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException("cannot listen for the function URLs on " + host + " from port "
                    + firstPort + ": " + e.getMessage(), e);
        }
        Map<String, String> urls = new LinkedHashMap<>();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        names.forEach((connector, name) -> urls.put(name, "http://" + shownHost + ":" + connector.getLocalPort()));
        return new FunctionUrlFrontDoor(server, Collections.unmodifiableMap(urls));
    }

    /** Each function's URL base ({@code http://host:port}), by function name. */
    public Map<String, String> urls() {
        return urls;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
