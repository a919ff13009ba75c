package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Lambda Invoke API: {@code POST /2015-03-31/functions/{name}/invocations}, answered as Lambda answers it
 * (headers, status codes, {@code x-amzn-ErrorType}) so that curl and the AWS SDK both work against it.
 */
final class InvokeApiHandler extends Handler.Abstract {
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";
    /** InvokeWithResponseStream: the answer is an event stream (PayloadChunk..., InvokeComplete). */
    private static final String STREAM_PREFIX = "/2021-11-15/functions/";
    private static final String STREAM_SUFFIX = "/response-streaming-invocations";

    private final Emulator emulator;

    InvokeApiHandler(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        boolean eventStream = path.startsWith(STREAM_PREFIX) && path.endsWith(STREAM_SUFFIX)
                && path.length() > STREAM_PREFIX.length() + STREAM_SUFFIX.length();
        if (eventStream && HttpMethod.POST.is(request.getMethod())) {
            invoke(path.substring(STREAM_PREFIX.length(), path.length() - STREAM_SUFFIX.length()), true, request,
                    response, callback);
        } else if (!eventStream && (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length())) {
            fail(response, callback, new InvokeApiException(404, "UnknownOperationException",
                    "no Lambda operation at " + request.getMethod() + " " + path));
        } else if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put("Allow", "POST");
            fail(response, callback, new InvokeApiException(405, "MethodNotAllowedException",
                    "method " + request.getMethod() + " not allowed on " + path + ", use POST"));
        } else {
            invoke(path.substring(PREFIX.length(), path.length() - SUFFIX.length()), false, request, response,
                    callback);
        }
        return true;
    }

    private void invoke(String name, boolean eventStream, Request request, Response response, Callback callback) {
        dev.lambdabridge.emulator.InvocationType type;
        LogType logType;
        try {
            emulator.function(name);
            type = dev.lambdabridge.emulator.InvocationType.fromHeader(request.getHeaders().get(InvokeApiHeaders.INVOCATION_TYPE));
            logType = LogType.fromHeader(request.getHeaders().get(InvokeApiHeaders.LOG_TYPE));
            if (eventStream && type == dev.lambdabridge.emulator.InvocationType.EVENT) {
                throw new IllegalArgumentException("InvokeWithResponseStream takes the invocation types "
                        + "RequestResponse and DryRun, got Event");
            }
        } catch (IllegalArgumentException e) {
            fail(response, callback, new InvokeApiException(400, ErrorTypes.INVALID_PARAMETER, e.getMessage()));
            return;
        } catch (InvokeApiException e) {
            fail(response, callback, e);
            return;
        }
        String clientContext = request.getHeaders().get(InvokeApiHeaders.CLIENT_CONTEXT);
        String cognito = request.getHeaders().get(InvokeApiHeaders.COGNITO_IDENTITY);
        BodyReader.read(request, Emulator.payloadLimit(type), new BodyReader.Listener() {
            @Override
            public void body(byte[] body) {
                InvokeRequest invokeRequest = new InvokeRequest(body, type, logType, clientContext, cognito);
                start(name, invokeRequest, eventStream, response, callback);
            }

            @Override
            public void tooLarge(long bytesSeen, boolean readToEnd) {
                if (!readToEnd) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                }
                fail(response, callback, Emulator.tooLarge(type, bytesSeen));
            }

            @Override
            public void failed(Throwable failure) {
                callback.failed(failure);
            }
        });
    }

    private void start(String name, InvokeRequest invokeRequest, boolean eventStream, Response response,
                       Callback callback) {
        try {
            InvokeStreamSink sink = eventStream ? new EventStreamSink(response, callback)
                    : new InvokeStreamSink(response, callback);
            emulator.invokeAsync(name, invokeRequest, sink).whenComplete((result, failure) -> {
                if (sink.committed()) {
                    if (failure != null) {
                        callback.failed(failure); // the emulator closed mid-stream
                    }
                    return; // streamed: the sink ended the response with the outcome in trailers
                }
                if (failure != null) {
                    fail(response, callback, failure);
                } else {
                    succeed(result, response, callback);
                }
            });
        } catch (RuntimeException e) {
            fail(response, callback, e);
        }
    }

    private static void succeed(InvokeResult result, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(InvokeApiHeaders.REQUEST_ID, result.requestId());
        headers.put(InvokeApiHeaders.EXECUTED_VERSION, "$LATEST");
        if (result.functionError() != null) {
            headers.put(InvokeApiHeaders.FUNCTION_ERROR, result.functionError());
        }
        if (result.logTail() != null) {
            headers.put(InvokeApiHeaders.LOG_RESULT,
                    Base64.getEncoder().encodeToString(result.logTail().getBytes(StandardCharsets.UTF_8)));
        }
        if (result.statusCode() == 204 || result.statusCode() == 202) {
            response.setStatus(result.statusCode());
            headers.put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, null, callback);
            return;
        }
        HttpReplies.json(response, callback, result.statusCode(), result.payload());
    }

    private static void fail(Response response, Callback callback, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        InvokeApiException error = cause instanceof InvokeApiException e ? e
                : new InvokeApiException(500, ErrorTypes.SERVICE, "invocation failed in the emulator: " + cause);
        response.getHeaders().put(InvokeApiHeaders.ERROR_TYPE, error.errorType());
        response.getHeaders().put(InvokeApiHeaders.REQUEST_ID, Ids.requestId());
        HttpReplies.json(response, callback, error.statusCode(), error.body());
    }

}
