package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * {@code http}/{@code https} and {@code fetch}'s Java half: one request on the JDK's HttpClient (HTTP/1.1, no
 * redirects followed, as Node's http), sent when the guest's request ends; the response (status, headers, the whole
 * body) comes back through the {@link IoQueue} into the event loop's I/O phase, or an error as Node names it
 * ({@code ECONNREFUSED}, {@code ENOTFOUND}, ...).
 */
final class HttpBacking {
    /** Headers the JDK's client sets itself and refuses from callers. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding");
    private static HttpClient client;

    private HttpBacking() {
    }

    private static synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    static Members members(GuestErrors errors, IoQueue io) {
        return new Members(errors).fn("request", a -> {
            request(io, a[0].asString(), a[1].asString(), a[2], Bytes.read(a[3], a[4], a[5]), a[6].asLong(), a[7]);
            return null;
        });
    }

    /** headers: a guest array of [name, value] pairs; callback(error, status, [name, value, ...], body). */
    private static void request(IoQueue io, String method, String url, Value headers, byte[] body, long timeoutMs,
            Value callback) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new NodeError("TypeError", "Invalid URL: " + url).with("code", "ERR_INVALID_URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body.length == 0 && (method.equals("GET") || method.equals("HEAD"))
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (timeoutMs > 0) {
            request.timeout(Duration.ofMillis(timeoutMs));
        }
        for (long i = 0; i < headers.getArraySize(); i++) {
            Value header = headers.getArrayElement(i);
            String name = header.getArrayElement(0).asString();
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                try {
                    request.header(name, header.getArrayElement(1).asString());
                } catch (IllegalArgumentException e) {
                    throw new NodeError("TypeError", "Invalid header value char for \"" + name + "\"")
                            .with("code", "ERR_INVALID_CHAR");
                }
            }
        }
        io.started();
        client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) ->
                io.complete(() -> {
                    if (failure != null) {
                        callback.execute(error(failure, uri));
                    } else {
                        callback.execute(null, response.statusCode(), headers(response),
                                Bytes.wrap(response.body()));
                    }
                }));
    }

    private static ProxyArray headers(HttpResponse<?> response) {
        List<Object> flat = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                for (String value : values) {
                    flat.add(name.toLowerCase(Locale.ROOT));
                    flat.add(value);
                }
            }
        });
        return ProxyArray.fromList(flat);
    }

    /** The failure as Node's http reports it: message, code, errno, syscall and the address. */
    private static ProxyObject error(Throwable failure, URI uri) {
        // the first cause that says what happened (the JDK wraps a refused connection's ConnectException in
        // others, and puts a ClosedChannelException under it)
        Throwable cause = failure;
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at instanceof UnknownHostException || at instanceof HttpTimeoutException || at instanceof ConnectException) {
                cause = at;
                break;
            }
            if (cause instanceof CompletionException) {
                cause = at;
            }
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Map<String, Object> error = new LinkedHashMap<>();
        if (cause instanceof UnknownHostException) {
            error.put("message", "getaddrinfo ENOTFOUND " + host);
            error.put("errno", -3008);
            error.put("code", "ENOTFOUND");
            error.put("syscall", "getaddrinfo");
            error.put("hostname", host);
        } else if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            error.put("message", "timeout of the request to " + uri);
            error.put("code", "ETIMEDOUT");
            error.put("errno", -110);
            error.put("syscall", "connect");
        } else if (cause instanceof ConnectException) {
            String address = host.equals("localhost") ? "127.0.0.1" : host;
            error.put("message", "connect ECONNREFUSED " + address + ":" + port);
            error.put("errno", -111);
            error.put("code", "ECONNREFUSED");
            error.put("syscall", "connect");
            error.put("address", address);
            error.put("port", port);
        } else {
            error.put("message", "socket hang up (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
            error.put("code", "ECONNRESET");
        }
        return ProxyObject.fromMap(error);
    }
}
