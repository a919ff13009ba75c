package dev.lambdabridge.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Consumer;

/**
 * One request through the local API Gateway: route it, build the proxy event, invoke the function through the
 * emulator, and turn its proxy response into the HTTP response. Failures answer as API Gateway does: no route 403
 * {@code Missing Authentication Token}; a Cognito route without claims 401 {@code Unauthorized}; a function error,
 * a timeout or a malformed proxy response 502 {@code Internal server error}.
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
            log.accept(what + " -> 403: no route (see the routes file)");
            return HttpResponseData.gatewayError(403, "Missing Authentication Token",
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
        return withGatewayHeaders(response, requestId);
    }

    private HttpResponseData invoke(String what, RouteTable.Match match, HttpRequestData request,
                                    Map<String, String> userClaims, String requestId) {
        byte[] event;
        try {
            event = JSON.writeValueAsBytes(events.event(request, match, userClaims, requestId, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the proxy event", e);
        }
        InvokeResult result;
        try {
            result = emulator.invoke(match.route().function(), InvokeRequest.of(event));
        } catch (InvokeApiException e) {
            log.accept(what + ": the invoke was refused: " + e.errorType() + ": " + e.getMessage());
            return e.statusCode() == 413
                    ? HttpResponseData.gatewayError(413, "Request Too Long", "RequestTooLongException")
                    : internalServerError();
        }
        if (result.isFunctionError()) {
            log.accept(what + ": function " + match.route().function() + " failed: " + result.payloadText());
            return internalServerError();
        }
        try {
            return ProxyResponses.from(result.payload());
        } catch (MalformedProxyResponseException e) {
            log.accept(what + ": malformed Lambda proxy response from " + match.route().function() + ": "
                    + e.getMessage());
            return internalServerError();
        }
    }

    private static HttpResponseData internalServerError() {
        return HttpResponseData.gatewayError(502, "Internal server error", "InternalServerErrorException");
    }

    /** API Gateway adds its request id, and a JSON content type when the function set none. */
    private static HttpResponseData withGatewayHeaders(HttpResponseData response, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        headers.add(Map.entry("x-amzn-RequestId", requestId));
        return new HttpResponseData(response.status(), headers, response.body());
    }
}
