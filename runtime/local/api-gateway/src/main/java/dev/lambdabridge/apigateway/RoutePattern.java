package dev.lambdabridge.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An API Gateway resource path: literal segments, {@code {name}} (one segment) and a last {@code {name+}} (greedy:
 * one or more segments, slashes included), e.g. {@code /time/{timeZone+}}; or an HTTP API's {@code $default} route,
 * which takes every path no other route takes.
 */
public final class RoutePattern {
    static final String DEFAULT_ROUTE = "$default";
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.-]+)(\\+?)}");
    private static final RoutePattern DEFAULT = new RoutePattern(DEFAULT_ROUTE, List.of());

    private final String text;
    private final List<String> segments;

    private RoutePattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code path} */
    public static RoutePattern parse(String path) {
        if (DEFAULT_ROUTE.equals(path)) {
            return DEFAULT;
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/', got '" + path + "'");
        }
        List<String> segments = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("route path '" + path + "' has an empty segment");
            }
            boolean braces = segment.contains("{") || segment.contains("}");
            var parameter = PARAMETER.matcher(segment);
            if (braces && !parameter.matches()) {
                throw new IllegalArgumentException("route path '" + path + "': '" + segment + "' is neither a literal "
                        + "nor a whole {name} or {name+} segment");
            }
            if (braces && !parameter.group(2).isEmpty() && i != segments.size() - 1) {
                throw new IllegalArgumentException("route path '" + path + "': the greedy " + segment
                        + " must be the last segment");
            }
        }
        return new RoutePattern(path, segments);
    }

    /**
     * The path parameters when {@code pathSegments} (the request path split on '/', each segment already
     * percent-decoded) matches, else null.
     */
    public Map<String, String> match(List<String> pathSegments) {
        if (isDefault()) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isGreedy(segment)) {
                if (i >= pathSegments.size()) {
                    return null;
                }
                parameters.put(name(segment), String.join("/", pathSegments.subList(i, pathSegments.size())));
                return parameters;
            }
            if (i >= pathSegments.size()) {
                return null;
            }
            if (isParameter(segment)) {
                if (pathSegments.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(name(segment), pathSegments.get(i));
            } else if (!segment.equals(pathSegments.get(i))) {
                return null;
            }
        }
        return pathSegments.size() == segments.size() ? parameters : null;
    }

    /**
     * How specific the pattern is, API Gateway's order: more literal segments first, then more segments, a greedy
     * one last. Higher wins.
     */
    int specificity() {
        if (isDefault()) {
            return -1;
        }
        int literals = 0;
        for (String segment : segments) {
            literals += isParameter(segment) ? 0 : 1;
        }
        boolean greedy = !segments.isEmpty() && isGreedy(segments.getLast());
        return literals * 1000 + segments.size() * 10 + (greedy ? 0 : 1);
    }

    /** The HTTP API {@code $default} route. */
    public boolean isDefault() {
        return this == DEFAULT;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }

    private static boolean isGreedy(String segment) {
        return segment.endsWith("+}");
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
    }

    @Override
    public String toString() {
        return text;
    }
}
