package dev.lambdabridge.apigateway;

import dev.lambdabridge.apigateway.template.ApiResource;
import dev.lambdabridge.apigateway.template.SamFunction;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One route of an API: an HTTP method ({@code ANY} for all), a resource path pattern, the function that serves it,
 * the API it belongs to (REST or HTTP, its stage), the payload format its event and response use ("1.0" or "2.0"),
 * whether a Cognito user pool authorizer guards it (the front door then puts claims in the event), and how long
 * API Gateway waits for the function (the integration timeout: 29 s for REST APIs, 30 s for HTTP APIs, or the
 * event's TimeoutInMillis).
 */
public record Route(String method, RoutePattern path, String function, ApiResource api, String payloadFormat,
                    boolean cognito, Duration integrationTimeout) {
    static final Set<String> METHODS = Set.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final Duration REST_TIMEOUT = Duration.ofSeconds(29);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "' (one of " + METHODS + ")");
        }
        Duration limit = api.type() == SamFunction.ApiType.HTTP ? HTTP_TIMEOUT : REST_TIMEOUT;
        if (integrationTimeout == null) {
            integrationTimeout = limit;
        } else if (integrationTimeout.toMillis() < 50 || integrationTimeout.compareTo(limit) > 0) {
            throw new IllegalArgumentException("TimeoutInMillis must be from 50 to " + limit.toMillis() + ", got "
                    + integrationTimeout.toMillis());
        }
    }

    boolean accepts(String requestMethod) {
        return method.equals("ANY") || method.equals(requestMethod);
    }

    boolean isHttpApi() {
        return api.type() == SamFunction.ApiType.HTTP;
    }

    /** The HTTP API route key, as the 2.0 event's {@code routeKey}: {@code $default} or {@code METHOD /path}. */
    String routeKey() {
        return path.isDefault() ? RoutePattern.DEFAULT_ROUTE : method + " " + path;
    }
}
