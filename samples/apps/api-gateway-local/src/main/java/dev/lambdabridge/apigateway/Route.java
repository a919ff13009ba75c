package dev.lambdabridge.apigateway;

import java.util.Locale;
import java.util.Set;

/**
 * One line of a routes file: an HTTP method ({@code ANY} for all), a resource path pattern, the function that
 * serves it, and whether a Cognito user pool authorizer guards it (the front door then puts claims in the event).
 */
public record Route(String method, RoutePattern path, String function, boolean cognito) {
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
}
