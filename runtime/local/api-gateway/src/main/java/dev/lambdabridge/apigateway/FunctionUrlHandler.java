package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.apigateway.template.SamFunction;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One function's URL: every request (any path, any method) becomes the function URL event (payload 2.0 with
 * {@code routeKey} and {@code stage} {@code $default}, no path parameters), invoked through the emulator.
 * {@code InvokeMode: BUFFERED} answers with the whole response as {@link V2Responses} reads it;
 * {@code RESPONSE_STREAM} streams what the function writes as it writes it ({@link FunctionUrlStreamSink}).
 * Failures answer as function URLs do: a function error or a timeout 502, a request over Lambda's 6 MB 413.
 * {@code AuthType: AWS_IAM} is not checked locally (there is no IAM to check a signature against).
 */
final class FunctionUrlHandler {
    /** Lambda's synchronous payload limit, which a function URL request's body is held to. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final SamFunction.FunctionUrl config;
    private final Emulator emulator;
    private final Consumer<String> log;

    FunctionUrlHandler(String function, SamFunction.FunctionUrl config, Emulator emulator, Consumer<String> log) {
        this.function = function;
        this.config = config;
        this.emulator = emulator;
        this.log = log;
    }

    boolean handle(Request request, Response response, Callback callback) throws IOException {
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String what = function + " URL: " + request.getMethod() + " " + request.getHttpURI().getPathQuery();
        if (body.length > MAX_BODY_BYTES) {
            log.accept(what + " -> 413: the body is over " + MAX_BODY_BYTES + " bytes");
            JettyFrontDoor.send(response, callback, tooLarge());
            return true;
        }
        HttpRequestData data = JettyFrontDoor.requestData(request, body);
        String requestId = ProxyEvents.newRequestId();
        byte[] event = JSON.writeValueAsBytes(V2Events.event(data, new V2Events.Source(RoutePattern.DEFAULT_ROUTE,
                RoutePattern.DEFAULT_ROUTE, urlId(), config.authType().equals("NONE") ? "anonymous"
                : ProxyEvents.ACCOUNT_ID, Map.of()), requestId, Instant.now()));
        long start = System.nanoTime();
        FunctionUrlStreamSink sink = config.invokeMode() == SamFunction.InvokeMode.RESPONSE_STREAM
                ? new FunctionUrlStreamSink(response, callback, line -> log.accept(what + ": " + line)) : null;
        CompletableFuture<InvokeResult> result;
        try {
            result = emulator.invokeAsync(function, InvokeRequest.of(event), sink);
        } catch (InvokeApiException e) {
            log.accept(what + " -> refused: " + e.errorType() + ": " + e.getMessage());
            JettyFrontDoor.send(response, callback, e.statusCode() == 413 ? tooLarge() : FunctionUrlStreamSink.failed());
            return true;
        }
        result.whenComplete((answer, failure) -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (sink != null && sink.committed()) {
                log.accept(what + " -> streamed " + sink.status() + " (" + ms + " ms)");
                return; // the sink answered, and ended the exchange
            }
            HttpResponseData http = answer(what, answer, failure);
            log.accept(what + " -> " + http.status() + " (" + ms + " ms)");
            JettyFrontDoor.send(response, callback, withRequestId(http, answer == null ? requestId
                    : answer.requestId()));
        });
        return true;
    }

    private HttpResponseData answer(String what, InvokeResult result, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.accept(what + ": the invocation failed: " + cause);
            return FunctionUrlStreamSink.failed();
        }
        if (result.isFunctionError()) {
            log.accept(what + ": function " + function + " failed: " + result.payloadText());
            return FunctionUrlStreamSink.failed();
        }
        try {
            return V2Responses.from(result.payload());
        } catch (MalformedProxyResponseException e) {
            log.accept(what + ": the function's response cannot be read: " + e.getMessage());
            return FunctionUrlStreamSink.failed();
        }
    }

    private static HttpResponseData withRequestId(HttpResponseData response, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        return new HttpResponseData(response.status(), headers, response.body());
    }

    /** The URL id that stands for the {@code <url-id>} of {@code <url-id>.lambda-url.<region>.on.aws}. */
    private String urlId() {
        return function.toLowerCase(Locale.ROOT);
    }

    private static HttpResponseData tooLarge() {
        return new HttpResponseData(413, List.of(Map.entry("Content-Type", "application/json")),
                ("{\"Message\":\"Request must be smaller than " + MAX_BODY_BYTES + " bytes for the InvokeFunction "
                        + "operation\"}").getBytes(StandardCharsets.UTF_8));
    }
}
