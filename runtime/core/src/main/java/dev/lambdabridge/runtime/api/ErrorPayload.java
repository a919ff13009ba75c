package dev.lambdabridge.runtime.api;

/**
 * What the runtime posts to an {@code /error} endpoint: the body ({@code {"errorMessage","errorType","stackTrace"}}),
 * the {@code Lambda-Runtime-Function-Error-Type} header (e.g. {@code Runtime.UserException}) and, optionally, the
 * X-Ray error cause header (null to leave it out).
 */
public record ErrorPayload(String runtimeErrorType, String json, String xrayCauseJson) {
}
