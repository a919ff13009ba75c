package dev.lambdabridge.apigateway;

import dev.lambdabridge.apigateway.template.ApiResource;
import dev.lambdabridge.apigateway.template.SamFunction;
import dev.lambdabridge.apigateway.template.SamTemplate;
import dev.lambdabridge.emulator.FunctionConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What serve-api serves of a SAM template: the routes of its functions' Api and HttpApi events, its function URLs,
 * and the emulator configuration of every function they name (Handler, CodeUri, Timeout, MemorySize,
 * Environment; Runtime checked).
 */
public final class TemplateApis {
    private final List<Route> routes;
    private final List<FunctionUrl> functionUrls;
    private final List<FunctionConfig> functions;

    private TemplateApis(List<Route> routes, List<FunctionUrl> functionUrls, List<FunctionConfig> functions) {
        this.routes = routes;
        this.functionUrls = functionUrls;
        this.functions = functions;
    }

    /** A function with a FunctionUrlConfig. */
    public record FunctionUrl(String function, SamFunction.FunctionUrl config) {
    }

    /**
     * @param extraEnv added to every function's environment (e.g. {@code AWS_ENDPOINT_URL_STS})
     * @param warn     told what is served differently than on AWS (authorizers that are not run locally)
     * @throws IllegalArgumentException when a served function cannot run here, naming it and why
     */
    public static TemplateApis of(SamTemplate template, Map<String, String> extraEnv, Consumer<String> warn) {
        List<Route> routes = new ArrayList<>();
        List<FunctionUrl> urls = new ArrayList<>();
        Map<String, FunctionConfig> functions = new LinkedHashMap<>();
        Map<String, ApiResource> apis = new HashMap<>();
        for (SamFunction function : template.functions()) {
            for (SamFunction.ApiEvent event : function.events()) {
                ApiResource api = apis.computeIfAbsent(event.api(), id -> template.api(id, event.type()));
                routes.add(route(function, event, api, warn));
            }
            if (function.functionUrl() != null) {
                urls.add(new FunctionUrl(function.name(), function.functionUrl()));
            }
            if (!function.events().isEmpty() || function.functionUrl() != null) {
                functions.put(function.name(), config(template, function, extraEnv));
            }
        }
        return new TemplateApis(List.copyOf(routes), List.copyOf(urls), List.copyOf(functions.values()));
    }

    private static Route route(SamFunction function, SamFunction.ApiEvent event, ApiResource api,
                               Consumer<String> warn) {
        String authorizer = event.authorizer() != null ? event.authorizer() : api.defaultAuthorizer();
        if ("NONE".equals(authorizer) || "AWS_IAM".equals(authorizer)) {
            authorizer = null;
        }
        if (authorizer != null && !api.isCognito(authorizer)) {
            warn.accept(function.name() + " " + event.event() + ": authorizer " + authorizer + " of " + api.id()
                    + (api.otherAuthorizers().contains(authorizer) ? " is not a Cognito user pool authorizer: it is not"
                    + " run locally, the route is open" : " is not defined in " + api.id() + "'s Auth.Authorizers"));
        }
        try {
            return new Route(event.method(), RoutePattern.parse(event.path() == null ? RoutePattern.DEFAULT_ROUTE
                    : event.path()), function.name(), api, event.payloadFormat(), api.isCognito(authorizer),
                    event.timeoutMillis() == null ? null : Duration.ofMillis(event.timeoutMillis()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("function " + function.name() + ", event " + event.event() + ": "
                    + e.getMessage(), e);
        }
    }

    private static FunctionConfig config(SamTemplate template, SamFunction function, Map<String, String> extraEnv) {
        String runtime = function.runtime();
        if (runtime != null && !runtime.startsWith("provided") && !runtime.startsWith("java")) {
            throw new IllegalArgumentException(template.file() + ": function " + function.name() + " has Runtime "
                    + runtime + ": serve-api runs functions on the lambda-bridge bootstrap, a custom runtime "
                    + "(provided.al2, provided.al2023) that also hosts the managed Java runtime's handlers");
        }
        if (!Files.isDirectory(function.codeDir())) {
            throw new IllegalArgumentException(template.file() + ": function " + function.name() + ": CodeUri "
                    + function.codeDir() + " is not a directory (run scripts/build first?)");
        }
        Map<String, String> env = new HashMap<>(function.env());
        env.putAll(extraEnv);
        try {
            return new FunctionConfig(function.name(), function.handler(), function.codeDir(), function.timeout(),
                    function.memoryMb(), env, List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(template.file() + ": " + e.getMessage(), e);
        }
    }

    /** Every route, in the template's order. */
    public List<Route> routes() {
        return routes;
    }

    public List<FunctionUrl> functionUrls() {
        return functionUrls;
    }

    /** The functions the routes and function URLs name, once each. */
    public List<FunctionConfig> functions() {
        return functions;
    }
}
