package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One request through the local API Gateway: route it, build the event in the route's payload format (1.0:
 * {@link ProxyEvents}, 2.0: {@link V2Events}), invoke the function through the emulator, and turn its answer into
 * the HTTP response ({@link ProxyResponses}, {@link V2Responses}). Failures answer as API Gateway does. REST API:
 * no route 403 {@code Missing Authentication Token}; a Cognito route without claims 401 {@code Unauthorized}; a
 * function error, a timeout or a malformed proxy response 502 {@code Internal server error}; no answer within the
 * integration timeout 504 {@code Endpoint request timed out}. HTTP API: no route 404 {@code Not Found}; those
 * failures 500 {@code Internal Server Error}, the integration timeout 503 {@code Service Unavailable}.
 */
public final class ApiGateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteTable routes;
    private final Emulator emulator;
    private final ProxyEvents events;
    private final LocalClaims claims;
    private final Consumer<String> log;

    public ApiGateway(RouteTable routes, Emulator emulator, ProxyEvents events, LocalClaims claims,
                      Consumer<String> log) {
        this.routes = routes;
        this.emulator = emulator;
        this.events = events;
        this.claims = claims;
        this.log = log;
    }

    public HttpResponseData handle(HttpRequestData request) {
        long start = System.nanoTime();
        String requestId = ProxyEvents.newRequestId();
        String what = request.method() + " " + request.rawPath();
        RouteTable.Match match = routes.find(request.method(), request.pathSegments());
        if (match == null) {
            log.accept(what + " -> no route (see the template's Api and HttpApi events)");
            return routes.unmatchedIsHttpApi(request.pathSegments()) ? HttpResponseData.httpApiError(404, "Not Found")
                    : HttpResponseData.gatewayError(403, "Missing Authentication Token",
                    "MissingAuthenticationTokenException");
        }
        Map<String, String> userClaims = null;
        if (match.route().cognito()) {
            try {
                userClaims = claims.of(request);
            } catch (IllegalArgumentException e) {
                log.accept(what + " -> 401: " + e.getMessage());
                return HttpResponseData.gatewayError(401, "Unauthorized", "UnauthorizedException");
            }
            if (userClaims == null) {
                log.accept(what + " -> 401: no " + LocalClaims.HEADER + " header and no --claims identity");
                return HttpResponseData.gatewayError(401, "Unauthorized", "UnauthorizedException");
            }
        }
        HttpResponseData response = invoke(what, match, request, userClaims, requestId);
        log.accept(what + " -> " + match.route().function() + " " + response.status() + " ("
                + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return withGatewayHeaders(response, requestId, match.route());
    }

    private HttpResponseData invoke(String what, RouteTable.Match match, HttpRequestData request,
                                    Map<String, String> userClaims, String requestId) {
        Route route = match.route();
        boolean v2 = route.payloadFormat().equals("2.0");
        ObjectNode event = v2 ? V2Events.event(request, new V2Events.Source(route.routeKey(), route.api().stage(),
                ProxyEvents.API_ID, ProxyEvents.ACCOUNT_ID, match.pathParameters()), requestId, Instant.now())
                : events.event(request, match, userClaims, requestId, Instant.now());
        InvokeResult result;
        try {
            result = emulator.invokeAsync(route.function(), InvokeRequest.of(JSON.writeValueAsBytes(event)))
                    .get(route.integrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the proxy event", e);
        } catch (TimeoutException e) {
            log.accept(what + ": " + route.function() + " did not answer within the integration timeout of "
                    + route.integrationTimeout().toMillis() + " ms (it goes on running, as on AWS)");
            return route.isHttpApi() ? HttpResponseData.httpApiError(503, "Service Unavailable")
                    : HttpResponseData.gatewayError(504, "Endpoint request timed out", "InternalServerErrorException");
        } catch (InvokeApiException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.accept(what + ": the invoke was refused: " + cause);
            return cause instanceof InvokeApiException refused && refused.statusCode() == 413
                    ? HttpResponseData.gatewayError(413, "Request Too Long", "RequestTooLongException")
                    : internalServerError(route);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return internalServerError(route);
        }
        if (result.isFunctionError()) {
            log.accept(what + ": function " + route.function() + " failed: " + result.payloadText());
            return internalServerError(route);
        }
        try {
            return v2 ? V2Responses.from(result.payload()) : ProxyResponses.from(result.payload());
        } catch (MalformedProxyResponseException e) {
            log.accept(what + ": malformed Lambda proxy response from " + route.function() + ": " + e.getMessage());
            return internalServerError(route);
        }
    }

    private static HttpResponseData internalServerError(Route route) {
        return route.isHttpApi() ? HttpResponseData.httpApiError(500, "Internal Server Error")
                : HttpResponseData.gatewayError(502, "Internal server error", "InternalServerErrorException");
    }

    /**
     * API Gateway adds its request id ({@code x-amzn-RequestId}; HTTP APIs {@code apigw-requestid}), and a JSON
     * content type when the function set none.
     */
    private static HttpResponseData withGatewayHeaders(HttpResponseData response, String requestId, Route route) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.add(Map.entry(route.isHttpApi() ? "apigw-requestid" : "x-amzn-RequestId", requestId));
        return new HttpResponseData(response.status(), headers, response.body());
    }
}
