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
 * The Lambda API on the emulator's port: Invoke ({@code POST /2015-03-31/functions/{name}/invocations}),
 * InvokeWithResponseStream, and the reads of {@link FunctionReadApi} (ListFunctions, GetFunction,
 * GetFunctionConfiguration), answered as Lambda answers them (headers, status codes, {@code x-amzn-ErrorType})
 * so that curl, the AWS CLI and the AWS SDKs work against it.
 */
final class InvokeApiHandler extends Handler.Abstract {
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";
    /** InvokeWithResponseStream: the answer is an event stream (PayloadChunk..., InvokeComplete). */
    private static final String STREAM_PREFIX = "/2021-11-15/functions/";
    private static final String STREAM_SUFFIX = "/response-streaming-invocations";

    private static final String CONFIGURATION_SUFFIX = "/configuration";

    private final Emulator emulator;
    private final FunctionReadApi reads;

    InvokeApiHandler(Emulator emulator) {
        this.emulator = emulator;
        this.reads = new FunctionReadApi(emulator);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        boolean eventStream = path.startsWith(STREAM_PREFIX) && path.endsWith(STREAM_SUFFIX)
                && path.length() > STREAM_PREFIX.length() + STREAM_SUFFIX.length();
        if (HttpMethod.GET.is(request.getMethod()) && read(path, request, response, callback)) {
            return true;
        }
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

    /** ListFunctions, GetFunction, GetFunctionConfiguration; false when the path is none of them. */
    private boolean read(String path, Request request, Response response, Callback callback) {
        if (!path.startsWith("/2015-03-31/functions")) {
            return false;
        }
        String rest = path.equals("/2015-03-31/functions") ? "" : path.substring(PREFIX.length() - 1);
        org.eclipse.jetty.util.Fields query = Request.extractQueryParameters(request);
        try {
            byte[] answer;
            if (rest.isEmpty() || rest.equals("/")) {
                answer = reads.list(query);
            } else if (rest.endsWith(SUFFIX)) {
                return false; // an invoke with the wrong method: 405 below
            } else if (rest.endsWith(CONFIGURATION_SUFFIX) && rest.length() > 1 + CONFIGURATION_SUFFIX.length()) {
                answer = reads.configuration(rest.substring(1, rest.length() - CONFIGURATION_SUFFIX.length()), query);
            } else if (rest.indexOf('/', 1) < 0) {
                answer = reads.get(rest.substring(1), query);
            } else {
                return false;
            }
            response.getHeaders().put(InvokeApiHeaders.REQUEST_ID, Ids.requestId());
            HttpReplies.json(response, callback, 200, answer);
        } catch (InvokeApiException e) {
            fail(response, callback, e);
        }
        return true;
    }

    private void invoke(String name, boolean eventStream, Request request, Response response, Callback callback) {
        dev.lambdabridge.emulator.InvocationType type;
        LogType logType;
        try {
            emulator.function(name, Request.extractQueryParameters(request).getValue("Qualifier"));
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
                fail(response, callback, Emulator.tooLarge(type, Math.max(bytesSeen, request.getLength())));
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

    /**
     * 200 carries the request id, the executed version, and the function error and log tail when there are;
     * Event (202) and DryRun (204) answers carry only the request id, as Lambda's do.
     */
    private static void succeed(InvokeResult result, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(InvokeApiHeaders.REQUEST_ID, result.requestId());
        if (result.statusCode() == 204 || result.statusCode() == 202) {
            response.setStatus(result.statusCode());
            if (result.statusCode() == 202) {
                headers.put(HttpHeader.CONTENT_LENGTH, 0);
            }
            response.write(true, null, callback);
            return;
        }
        headers.put(InvokeApiHeaders.EXECUTED_VERSION, Emulator.LATEST);
        if (result.functionError() != null) {
            headers.put(InvokeApiHeaders.FUNCTION_ERROR, result.functionError());
        }
        if (result.logTail() != null) {
            headers.put(InvokeApiHeaders.LOG_RESULT,
                    Base64.getEncoder().encodeToString(result.logTail().getBytes(StandardCharsets.UTF_8)));
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
