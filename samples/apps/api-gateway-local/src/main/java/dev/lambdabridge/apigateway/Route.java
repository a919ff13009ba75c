package dev.lambdabridge.apigateway;

import dev.lambdabridge.apigateway.template.ApiResource;
import dev.lambdabridge.apigateway.template.SamFunction;
import java.util.Locale;
import java.util.Set;

/**
 * One route of an API: an HTTP method ({@code ANY} for all), a resource path pattern, the function that serves it,
 * the API it belongs to (REST or HTTP, its stage), the payload format its event and response use ("1.0" or "2.0"),
 * and whether a Cognito user pool authorizer guards it (the front door then puts claims in the event).
 */
public record Route(String method, RoutePattern path, String function, ApiResource api, String payloadFormat,
                    boolean cognito) {
    static final Set<String> METHODS = Set.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "' (one of " + METHODS + ")");
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
