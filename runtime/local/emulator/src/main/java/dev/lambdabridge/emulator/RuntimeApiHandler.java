package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;
import dev.lambdabridge.contract.RuntimeApiHeaders;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Lambda Runtime API of one function, server side: routes the calls of {@code /2018-06-01} to its
 * {@link HostedFunction}, with Lambda's status codes. {@code GET next} is parked, not waited for.
 */
final class RuntimeApiHandler extends Handler.Abstract.NonBlocking {
    static final String BASE = "/2018-06-01";
    private static final String NEXT = BASE + "/runtime/invocation/next";
    private static final String INIT_ERROR = BASE + "/runtime/init/error";
    private static final String RESTORE_NEXT = BASE + "/runtime/restore/next";
    private static final String RESTORE_ERROR = BASE + "/runtime/restore/error";
    private static final String INVOCATION = BASE + "/runtime/invocation/";
    private static final String RESPONSE = "/response";
    private static final String ERROR = "/error";

    private final HostedFunction function;

    RuntimeApiHandler(HostedFunction function) {
        this.function = function;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (MetadataApi.handles(path)) { // not the Runtime API: the fault hook is not for it
            MetadataApi.handle(function, request, response, callback);
        } else if (function.takeFault()) {
            replyAfterBody(request, response, callback, RuntimeReply.error(500, ErrorTypes.INTERNAL,
                    "injected fault: the Runtime API of " + function.config().name() + " failed " + method + " "
                            + path));
        } else if (ExtensionsApiRoutes.handles(path)) {
            ExtensionsApiRoutes.handle(function, request, response, callback);
        } else if (path.equals(NEXT)) {
            next(method, request, response, callback);
        } else if (path.equals(INIT_ERROR)) {
            post(method, path, request, response, callback, () -> initError(request, response, callback));
        } else if (path.equals(RESTORE_NEXT)) {
            restoreNext(method, request, response, callback);
        } else if (path.equals(RESTORE_ERROR)) {
            post(method, path, request, response, callback, () -> restoreError(request, response, callback));
        } else if (path.startsWith(INVOCATION) && path.endsWith(RESPONSE)) {
            String id = path.substring(INVOCATION.length(), path.length() - RESPONSE.length());
            post(method, path, request, response, callback, () -> response(id, request, response, callback));
        } else if (path.startsWith(INVOCATION) && path.endsWith(ERROR)) {
            String id = path.substring(INVOCATION.length(), path.length() - ERROR.length());
            post(method, path, request, response, callback, () -> error(id, request, response, callback));
        } else {
            replyAfterBody(request, response, callback, RuntimeReply.error(404, ErrorTypes.NOT_FOUND,
                    "no Runtime API resource at " + method + " " + path));
        }
        return true;
    }

    private void next(String method, Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(method)) {
            methodNotAllowed(method, request.getHttpURI().getPath(), "GET", request, response, callback);
            return;
        }
        function.next(new ParkedNext(response, callback));
    }

    /** SnapStart: answered at once (the restore is immediate here), or refused outside the restore phase. */
    private void restoreNext(String method, Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(method)) {
            methodNotAllowed(method, request.getHttpURI().getPath(), "GET", request, response, callback);
            return;
        }
        replyAfterBody(request, response, callback, function.restoreNext());
    }

    private void restoreError(Request request, Response response, Callback callback) {
        String errorType = request.getHeaders().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE);
        BodyReader.read(request, LambdaLimits.RESPONSE_PAYLOAD_BYTES, new Replier(response, callback) {
            @Override
            RuntimeReply onBody(byte[] body) {
                return function.restoreError(body, errorType);
            }
        });
    }

    private void post(String method, String path, Request request, Response response, Callback callback,
                      Runnable action) {
        if (HttpMethod.POST.is(method)) {
            action.run();
        } else {
            methodNotAllowed(method, path, "POST", request, response, callback);
        }
    }

    private void response(String id, Request request, Response response, Callback callback) {
        String mode = request.getHeaders().get(RuntimeApiHeaders.RESPONSE_MODE);
        if (mode != null && !RuntimeApiHeaders.RESPONSE_MODE_STREAMING.equals(mode)) {
            HttpReplies.jsonAndClose(response, callback, 400, ErrorBodies.runtime(ErrorTypes.INVALID_RESPONSE_MODE,
                    "invalid " + RuntimeApiHeaders.RESPONSE_MODE + " '" + mode + "' (invocation " + id
                            + "): the only mode is 'streaming'"));
            return;
        }
        if (mode != null) {
            RuntimeAnswers.StreamOpening opening = function.streamStart(id,
                    request.getHeaders().get(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE));
            if (opening.refusal() != null) {
                HttpReplies.jsonAndClose(response, callback, opening.refusal().status(), opening.refusal().body());
            } else {
                new StreamRelay(request, response, callback, function, id, opening.sink()).iterate();
            }
            return;
        }
        BodyReader.read(request, LambdaLimits.RESPONSE_PAYLOAD_BYTES, new Replier(response, callback) {
            @Override
            RuntimeReply onBody(byte[] body) {
                return function.response(id, body);
            }

            @Override
            RuntimeReply onTooLarge() {
                return function.responseTooLarge(id);
            }
        });
    }

    private void error(String id, Request request, Response response, Callback callback) {
        String errorType = request.getHeaders().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE);
        BodyReader.read(request, LambdaLimits.RESPONSE_PAYLOAD_BYTES, new Replier(response, callback) {
            @Override
            RuntimeReply onBody(byte[] body) {
                return function.error(id, body, errorType);
            }
        });
    }

    private void initError(Request request, Response response, Callback callback) {
        String errorType = request.getHeaders().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE);
        BodyReader.read(request, LambdaLimits.RESPONSE_PAYLOAD_BYTES, new Replier(response, callback) {
            @Override
            RuntimeReply onBody(byte[] body) {
                return function.initError(body, errorType);
            }
        });
    }

    private static void methodNotAllowed(String method, String path, String allowed, Request request,
                                         Response response, Callback callback) {
        response.getHeaders().put("Allow", allowed);
        replyAfterBody(request, response, callback, RuntimeReply.error(405, ErrorTypes.METHOD_NOT_ALLOWED,
                "method " + method + " not allowed on " + path + ", use " + allowed));
    }

    /** A refusal, written once the request's body is read and dropped (BodyReader.discard says why). */
    private static void replyAfterBody(Request request, Response response, Callback callback, RuntimeReply reply) {
        BodyReader.discard(request, callback, keep -> {
            if (keep) {
                HttpReplies.runtime(response, callback, reply);
            } else {
                HttpReplies.jsonAndClose(response, callback, reply.status(), reply.body());
            }
        });
    }

    /** Turns a read body into the function's answer, and writes it. */
    private abstract static class Replier implements BodyReader.Listener {
        private final Response response;
        private final Callback callback;

        Replier(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        abstract RuntimeReply onBody(byte[] body);

        RuntimeReply onTooLarge() {
            return RuntimeReply.error(413, ErrorTypes.PAYLOAD_TOO_LARGE, "Exceeded maximum allowed payload size ("
                    + LambdaLimits.RESPONSE_PAYLOAD_BYTES + " bytes)");
        }

        @Override
        public void body(byte[] body) {
            HttpReplies.runtime(response, callback, onBody(body));
        }

        @Override
        public void tooLarge(long bytesSeen, boolean readToEnd) {
            RuntimeReply reply = onTooLarge();
            if (readToEnd) {
                HttpReplies.runtime(response, callback, reply);
            } else {
                HttpReplies.jsonAndClose(response, callback, reply.status(), reply.body());
            }
        }

        @Override
        public void failed(Throwable failure) {
            callback.failed(failure);
        }
    }
}
