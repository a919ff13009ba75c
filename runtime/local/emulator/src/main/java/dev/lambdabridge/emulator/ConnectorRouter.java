package dev.lambdabridge.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One Jetty server serves the Invoke API and every function's Runtime API, each on its own connector (port):
 * this handler picks the handler of the connector a request came in on.
 */
final class ConnectorRouter extends Handler.Abstract.NonBlocking {
    private final Map<Connector, Handler> handlers = new ConcurrentHashMap<>();

    void route(Connector connector, Handler handler) {
        handler.setServer(getServer());
        handlers.put(connector, handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler handler = handlers.get(request.getConnectionMetaData().getConnector());
        return handler != null && handler.handle(request, response, callback);
    }
}
