package dev.lambdabridge.apigateway;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds the route of a request as API Gateway does: the most specific path, and a method route before ANY. */
public final class RouteTable {
    /** A route that matched, with the path parameters it took from the request path. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.path().specificity()).reversed()
                .thenComparing(r -> r.method().equals("ANY"))).toList();
    }

    /** @param pathSegments the request path split on '/', each segment percent-decoded; null when no route matches */
    public Match find(String method, List<String> pathSegments) {
        for (Route route : routes) {
            if (!route.accepts(method)) {
                continue;
            }
            Map<String, String> parameters = route.path().match(pathSegments);
            if (parameters != null) {
                return new Match(route, parameters);
            }
        }
        return null;
    }

    /**
     * How API Gateway answers a request no route takes: an HTTP API's 404 when the path is one of an HTTP API's
     * (or the template has only HTTP APIs), else a REST API's 403 Missing Authentication Token.
     */
    public boolean unmatchedIsHttpApi(List<String> pathSegments) {
        if (routes.stream().noneMatch(r -> !r.isHttpApi())) {
            return true;
        }
        return routes.stream().anyMatch(r -> r.isHttpApi() && !r.path().isDefault() && r.path().match(pathSegments) != null);
    }

    public List<Route> routes() {
        return routes;
    }
}
