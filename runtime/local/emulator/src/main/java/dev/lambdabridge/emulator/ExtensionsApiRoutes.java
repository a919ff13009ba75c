package dev.lambdabridge.emulator;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Extensions API ({@code /2020-01-01/extension/...}) and the Telemetry API ({@code /2022-07-01/telemetry}),
 * served on the Runtime API's address as on Lambda ({@code AWS_LAMBDA_RUNTIME_API}), routed to the function's
 * {@link HostedFunction}.
 */
final class ExtensionsApiRoutes {
    static final String EXTENSION = "/2020-01-01/extension/";
    static final String TELEMETRY = "/2022-07-01/telemetry";
    static final String NAME = "Lambda-Extension-Name";
    static final String IDENTIFIER = "Lambda-Extension-Identifier";
    static final String ERROR_TYPE = "Lambda-Extension-Function-Error-Type";
    private static final int MAX_BODY = 64 * 1024;

    private ExtensionsApiRoutes() {
    }

    static boolean handles(String path) {
        return path.startsWith(EXTENSION) || path.equals(TELEMETRY);
    }

    static void handle(HostedFunction function, Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        String id = request.getHeaders().get(IDENTIFIER);
        switch (path) {
            case EXTENSION + "register" -> withBody(HttpMethod.POST, request, response, callback,
                    body -> function.extensionRegister(request.getHeaders().get(NAME), body));
            case EXTENSION + "event/next" -> {
                if (!HttpMethod.GET.is(method)) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET");
                    replyAfterBody(request, response, callback, wrongMethod(method, path, "GET"));
                    return;
                }
                ExtensionHost.Reply refused = function.extensionNext(id, response, callback);
                if (refused != null) {
                    reply(response, callback, refused);
                }
            }
            case EXTENSION + "init/error", EXTENSION + "exit/error" -> withBody(HttpMethod.POST, request, response,
                    callback, body -> function.extensionError(id, path.contains("init") ? "Init" : "Exit",
                            request.getHeaders().get(ERROR_TYPE)));
            case TELEMETRY -> withBody(HttpMethod.PUT, request, response, callback,
                    body -> function.telemetrySubscribe(id, body));
            default -> replyAfterBody(request, response, callback, ExtensionHost.Reply.error(404,
                    ErrorTypes.NOT_FOUND, "no Extensions API resource at " + method + " " + path));
        }
    }

    private static void withBody(HttpMethod expected, Request request, Response response, Callback callback,
                                 java.util.function.Function<byte[], ExtensionHost.Reply> action) {
        if (!expected.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, expected.asString());
            replyAfterBody(request, response, callback, wrongMethod(request.getMethod(),
                    request.getHttpURI().getPath(), expected.asString()));
            return;
        }
        BodyReader.read(request, MAX_BODY, new BodyReader.Listener() {
            @Override
            public void body(byte[] body) {
                reply(response, callback, action.apply(body));
            }

            @Override
            public void tooLarge(long bytesSeen, boolean readToEnd) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                reply(response, callback, ExtensionHost.Reply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE,
                        "request body over " + MAX_BODY + " bytes (" + bytesSeen + ")"));
            }

            @Override
            public void failed(Throwable failure) {
                callback.failed(failure);
            }
        });
    }

    /** A refusal, written once the request's body is read and dropped (BodyReader.discard says why). */
    private static void replyAfterBody(Request request, Response response, Callback callback,
                                       ExtensionHost.Reply refusal) {
        BodyReader.discard(request, callback, keep -> {
            if (!keep) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            reply(response, callback, refusal);
        });
    }

    private static ExtensionHost.Reply wrongMethod(String method, String path, String allowed) {
        return ExtensionHost.Reply.error(405, ErrorTypes.METHOD_NOT_ALLOWED,
                "method " + method + " not allowed on " + path + ", use " + allowed);
    }

    private static void reply(Response response, Callback callback, ExtensionHost.Reply reply) {
        if (reply.identifier() != null) {
            response.getHeaders().put(IDENTIFIER, reply.identifier());
        }
        response.getHeaders().put(HttpReplies.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.setStatus(reply.status());
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
