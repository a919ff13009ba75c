package dev.lambdabridge.emulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** The JSON error bodies Lambda writes: to the runtime, as a function's result, and to Invoke API callers. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    /** {@code {"errorMessage":"...","errorType":"..."}}: Runtime API answers and function error results. */
    static byte[] runtime(String errorType, String message) {
        return ("{\"errorMessage\":\"" + quote(message) + "\",\"errorType\":\"" + quote(errorType) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"Type":"User","message":"..."}}: an Invoke API error caused by the caller. */
    static byte[] user(String message) {
        return ("{\"Type\":\"User\",\"message\":\"" + quote(message) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"Type":"Service","message":"..."}}: an Invoke API error on the emulator's side. */
    static byte[] service(String message) {
        return ("{\"Type\":\"Service\",\"message\":\"" + quote(message) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text == null ? "null" : text));
    }
}
