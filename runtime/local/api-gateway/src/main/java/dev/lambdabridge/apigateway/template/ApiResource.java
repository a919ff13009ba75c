package dev.lambdabridge.apigateway.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Api} or {@code AWS::Serverless::HttpApi} of the template (or SAM's implicit one), with
 * what the local API Gateway uses of it.
 *
 * @param stage             StageName ({@code Prod} for SAM's implicit REST API, {@code $default} for HTTP APIs)
 * @param cognitoAuthorizers the names of its Auth.Authorizers that are Cognito user pool authorizers
 * @param otherAuthorizers  the names of its other authorizers (Lambda, JWT), which are not run locally
 * @param defaultAuthorizer Auth.DefaultAuthorizer, or null
 * @param binaryMediaTypes  BinaryMediaTypes ({@code ~1} read as {@code /}, as SAM writes it)
 */
public record ApiResource(String id, SamFunction.ApiType type, String stage, List<String> cognitoAuthorizers,
                          List<String> otherAuthorizers, String defaultAuthorizer, List<String> binaryMediaTypes) {

    public static final String IMPLICIT_REST_API = "ServerlessRestApi";
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** SAM's implicit API of events that name none, with the Globals' settings (none here). */
    static ApiResource implicit(SamFunction.ApiType type) {
        return type == SamFunction.ApiType.REST
                ? new ApiResource(IMPLICIT_REST_API, type, "Prod", List.of(), List.of(), null, List.of())
                : new ApiResource(IMPLICIT_HTTP_API, type, "$default", List.of(), List.of(), null, List.of());
    }

    /** Whether this authorizer name is a Cognito user pool authorizer of this API. */
    public boolean isCognito(String authorizer) {
        return authorizer != null && cognitoAuthorizers.contains(authorizer);
    }

    static Map<String, SamFunction.ApiType> types() {
        return Map.of("AWS::Serverless::Api", SamFunction.ApiType.REST, "AWS::Serverless::HttpApi",
                SamFunction.ApiType.HTTP);
    }
}
