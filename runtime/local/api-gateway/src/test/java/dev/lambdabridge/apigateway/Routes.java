package dev.lambdabridge.apigateway;

import dev.lambdabridge.apigateway.template.ApiResource;
import dev.lambdabridge.apigateway.template.SamFunction;
import java.util.List;

/** Routes for the unit tests: {@code "GET /time/{timeZone+} time"}, a trailing {@code cognito} or {@code http}. */
final class Routes {
    static final ApiResource REST = new ApiResource("AppsApi", SamFunction.ApiType.REST, "local", List.of("Cognito"),
            List.of(), null, List.of("image/png"));
    static final ApiResource HTTP = new ApiResource("ServerlessHttpApi", SamFunction.ApiType.HTTP, "$default",
            List.of(), List.of(), null, List.of());

    private Routes() {
    }

    static Route of(String line) {
        String[] words = line.split("\\s+");
        boolean http = words.length > 3 && words[3].startsWith("http");
        return new Route(words[0], RoutePattern.parse(words[1]), words[2], http ? HTTP : REST,
                words.length > 3 && words[3].equals("http-1.0") ? "1.0" : http ? "2.0" : "1.0",
                words.length > 3 && words[3].equals("cognito"), null);
    }
}
