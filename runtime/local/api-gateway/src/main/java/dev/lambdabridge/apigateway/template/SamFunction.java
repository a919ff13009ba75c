package dev.lambdabridge.apigateway.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template, its Globals applied and its values resolved.
 *
 * @param name        the logical id, the function's name locally (as in {@code sam local})
 * @param codeDir     CodeUri, relative to the template's directory
 * @param events      its {@code Api} and {@code HttpApi} events (other event types are not HTTP)
 * @param functionUrl its FunctionUrlConfig, or null
 */
public record SamFunction(String name, String handler, Path codeDir, String runtime, Duration timeout, int memoryMb,
                          Map<String, String> env, List<ApiEvent> events, FunctionUrl functionUrl) {

    /** REST API ({@code Api}, payload 1.0) or HTTP API ({@code HttpApi}, payload 2.0 unless 1.0 is asked). */
    public enum ApiType { REST, HTTP }

    /**
     * An Api or HttpApi event.
     *
     * @param api           the API resource's logical id (RestApiId / ApiId, or SAM's implicit ServerlessRestApi /
     *                      ServerlessHttpApi)
     * @param path          the route's path, or null for an HTTP API's {@code $default} route
     * @param method        upper case; ANY for every method
     * @param payloadFormat "1.0" or "2.0"
     * @param authorizer    the authorizer the event names (Auth.Authorizer), null when it names none
     * @param timeoutMillis TimeoutInMillis, how long API Gateway waits for the function; null for its default
     */
    public record ApiEvent(String event, ApiType type, String api, String path, String method, String payloadFormat,
                           String authorizer, Integer timeoutMillis) {
    }

    /** FunctionUrlConfig: AuthType (NONE, AWS_IAM) and InvokeMode. */
    public record FunctionUrl(String authType, InvokeMode invokeMode) {
    }

    /** How a function URL answers: the whole response at the end, or streamed as the function writes it. */
    public enum InvokeMode { BUFFERED, RESPONSE_STREAM }
}
