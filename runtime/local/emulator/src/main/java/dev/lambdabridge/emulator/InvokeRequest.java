package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One invocation as a caller asks for it: the same fields as the Invoke API, plus a Cognito identity, which the
 * Invoke API has no field for.
 *
 * @param payload         the event JSON; empty means {@code {}}
 * @param clientContext   base64 of the client context JSON, as in {@code X-Amz-Client-Context}; null for none
 * @param cognitoIdentity the Cognito identity JSON given to the runtime; null for none
 */
public record InvokeRequest(
        byte[] payload, InvocationType invocationType, LogType logType, String clientContext, String cognitoIdentity) {

    public InvokeRequest {
        payload = payload == null ? new byte[0] : payload;
        invocationType = invocationType == null ? InvocationType.REQUEST_RESPONSE : invocationType;
        logType = logType == null ? LogType.NONE : logType;
    }

    /** A synchronous invocation without log tail. */
    public static InvokeRequest of(byte[] payload) {
        return new InvokeRequest(payload, InvocationType.REQUEST_RESPONSE, LogType.NONE, null, null);
    }

    /** A synchronous invocation of a JSON text, without log tail. */
    public static InvokeRequest of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    public InvokeRequest withInvocationType(InvocationType type) {
        return new InvokeRequest(payload, type, logType, clientContext, cognitoIdentity);
    }

    public InvokeRequest withLogType(LogType type) {
        return new InvokeRequest(payload, invocationType, type, clientContext, cognitoIdentity);
    }

    /** Sets the client context from base64, as the Invoke API carries it. */
    public InvokeRequest withClientContext(String base64Json) {
        return new InvokeRequest(payload, invocationType, logType, base64Json, cognitoIdentity);
    }

    /** Sets the client context from its JSON text (encodes it). */
    public InvokeRequest withClientContextJson(String json) {
        return withClientContext(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    public InvokeRequest withCognitoIdentity(String json) {
        return new InvokeRequest(payload, invocationType, logType, clientContext, json);
    }
}
