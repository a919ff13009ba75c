package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Lambda metadata endpoint, as Lambda documents it and Powertools 2.10 reads it:
 * {@code GET http://$AWS_LAMBDA_METADATA_API/2026-01-15/metadata/execution-environment} with
 * {@code Authorization: Bearer $AWS_LAMBDA_METADATA_TOKEN} answers 200 {@code {"AvailabilityZoneID":"use1-az1"}}.
 * Served on the function's Runtime API port; the token is the running sandbox's. The AZ ID is the first of the
 * function's region (no real placement exists locally). A wrong or missing token is 401, another method 405;
 * those bodies are the emulator's own (Lambda documents no error shape).
 */
final class MetadataApi {
    static final String PATH = "/2026-01-15/metadata/execution-environment";
    private static final String BEARER = "Bearer ";

    private MetadataApi() {
    }

    static boolean handles(String path) {
        return path.equals(PATH);
    }

    static void handle(HostedFunction function, Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put("Allow", "GET");
            HttpReplies.json(response, callback, 405, ErrorBodies.runtime("MethodNotAllowed", "method "
                    + request.getMethod() + " not allowed on " + PATH + ", use GET"));
            return;
        }
        String authorization = request.getHeaders().get("Authorization");
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : null;
        if (!function.metadataTokenValid(token)) {
            HttpReplies.json(response, callback, 401, ErrorBodies.runtime("Unauthorized", "the metadata endpoint "
                    + "takes 'Authorization: Bearer $AWS_LAMBDA_METADATA_TOKEN' of the running execution environment, "
                    + (authorization == null ? "got no Authorization header" : "got another token")));
            return;
        }
        String body = "{\"AvailabilityZoneID\":\"" + availabilityZoneId(function.region()) + "\"}";
        HttpReplies.json(response, callback, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * AWS's AZ ID of a region's first zone: the region with its direction words shortened, then {@code -az1}
     * ({@code us-east-1} → {@code use1-az1}, {@code eu-west-2} → {@code euw2-az1}, {@code ap-southeast-2} →
     * {@code apse2-az1}).
     */
    static String availabilityZoneId(String region) {
        String[] parts = region.toLowerCase(Locale.ROOT).split("-");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(switch (parts[i]) {
                case "northeast" -> "ne";
                case "northwest" -> "nw";
                case "southeast" -> "se";
                case "southwest" -> "sw";
                case "central" -> "c";
                case "north" -> "n";
                case "south" -> "s";
                case "east" -> "e";
                case "west" -> "w";
                default -> parts[i];
            });
        }
        return id.append("-az1").toString();
    }
}
