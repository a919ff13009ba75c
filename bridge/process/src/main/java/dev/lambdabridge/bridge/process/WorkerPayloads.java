package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.json.JsonText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON payloads of the worker's frames (docs/worker-protocol.md): INVOKE's made, READY's and ERROR's read. */
final class WorkerPayloads {
    static final int PROTOCOL = 1;
    /** What follows the event's bytes in an INVOKE payload. */
    static final byte[] INVOKE_SUFFIX = {'}'};
    private static final byte[] NULL_EVENT = "null".getBytes(StandardCharsets.US_ASCII);

    private WorkerPayloads() {
    }

    /** {@code {"context":{...},"event":} — the event's bytes ({@link #event}) and {@link #INVOKE_SUFFIX} follow. */
    static byte[] invokePrefix(Invocation invocation, RuntimeEnvironment lambda) {
        StringBuilder json = new StringBuilder(512).append("{\"context\":{\"requestId\":");
        JsonText.appendString(json, invocation.requestId());
        json.append(",\"deadlineMs\":").append(invocation.deadlineMs());
        JsonText.appendString(json.append(",\"invokedFunctionArn\":"), invocation.invokedFunctionArn());
        JsonText.appendString(json.append(",\"traceId\":"), invocation.traceId());
        JsonText.appendString(json.append(",\"functionName\":"), lambda.functionName());
        JsonText.appendString(json.append(",\"functionVersion\":"), lambda.functionVersion());
        json.append(",\"memoryLimitInMB\":").append(lambda.memoryLimitMb());
        JsonText.appendString(json.append(",\"logGroupName\":"), lambda.logGroupName());
        JsonText.appendString(json.append(",\"logStreamName\":"), lambda.logStreamName());
        appendObject(json, "clientContext", invocation.clientContextJson());
        appendObject(json, "identity", invocation.cognitoIdentityJson());
        // the event is at most 6 MiB (Lambda's request limit) and this context a few KiB: the whole payload stays
        // within the protocol's INVOKE limit (6 MiB + 64 KiB)
        return json.append("},\"event\":").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The event's bytes as they came; JSON {@code null} for an empty event. */
    static byte[] event(Invocation invocation) {
        return invocation.payload() == null || invocation.payload().length == 0 ? NULL_EVENT : invocation.payload();
    }

    /** A JSON object header value as it is; anything else (it never happens) as a JSON string. */
    private static void appendObject(StringBuilder json, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        json.append(",\"").append(name).append("\":");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!value.isBlank() && value.strip().startsWith("{") && Json.isValid(bytes)) {
            json.append(value);
        } else {
            JsonText.appendString(json, value);
        }
    }

    /**
     * Checks a READY payload: a JSON object whose {@code protocol}, when there, is this bridge's.
     *
     * @throws ProtocolException saying what is wrong, with the payload
     */
    static void checkReady(byte[] payload) throws ProtocolException {
        Object ready;
        try {
            ready = Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("READY payload is not JSON (" + e.getMessage() + "): "
                    + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        if (!(ready instanceof Map<?, ?> fields)) {
            throw new ProtocolException("READY payload is not a JSON object: " + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        Object protocol = fields.get("protocol");
        if (protocol != null && !(protocol instanceof Long number && number == PROTOCOL)) {
            throw new ProtocolException("the worker speaks protocol " + protocol + "; this bridge speaks protocol "
                    + PROTOCOL);
        }
    }

    /**
     * The worker's ERROR payload as the invocation's error: its own type, message and stack trace lines, kept under
     * the key the worker used ({@code trace}, as the Node.js shim sends them like AWS's Node.js runtime, else
     * {@code stackTrace}).
     */
    static GuestError handlerError(byte[] payload) {
        Object parsed;
        try {
            parsed = Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            return new GuestError(ProcessErrorTypes.WORKER_HANDLER_ERROR, "The worker answered ERROR with a payload that "
                    + "is not a JSON object {\"errorMessage\",\"errorType\",\"stackTrace\"}: "
                    + Utf8.escape(payload, Frames.SHOWN_BYTES));
        }
        Object message = fields.get("errorMessage");
        Object type = fields.get("errorType");
        String key = !fields.containsKey("stackTrace") && fields.get("trace") instanceof List<?> ? "trace" : "stackTrace";
        List<String> stack = new ArrayList<>();
        if (fields.get(key) instanceof List<?> lines) {
            lines.forEach(line -> stack.add(String.valueOf(line)));
        }
        return new GuestError(type instanceof String name && !name.isEmpty() ? name : ProcessErrorTypes.WORKER_HANDLER_ERROR,
                message == null ? "" : String.valueOf(message), stack, key);
    }

    /** {@code unexpected frame type RESULT (expected READY or ERROR)}, or {@code unknown} for a type not in it. */
    static String unexpected(Frames.Header header, String expected) {
        boolean known = switch (header.type()) {
            case Frames.READY, Frames.INVOKE, Frames.RESULT, Frames.ERROR -> true;
            default -> false;
        };
        return (known ? "unexpected " : "unknown ") + "frame type " + header.type() + " (expected " + expected + ")";
    }
}
