package dev.lambdabridge.runtime.errors;

import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.json.JsonText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorReportsTest {

    @Test
    void handlerExceptionBodyHasMessageTypeAndUserFramesOnly() {
        IllegalStateException failure = new IllegalStateException("bad <state> & \"quotes\"");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.example.Handler", "handleRequest", "Handler.java", 12),
                new StackTraceElement("dev.lambdabridge.runtime.java.PojoInvocationHandler", "handle", "P.java", 1),
                new StackTraceElement("dev.lambdabridge.runtime.loop.InvokeLoop", "run", "I.java", 2)});
        ErrorPayload payload = ErrorReports.toPayload(failure);
        assertEquals("Runtime.UserException", payload.runtimeErrorType());
        assertEquals("{\"errorMessage\":\"bad <state> & \\\"quotes\\\"\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[\"com.example.Handler.handleRequest(Handler.java:12)\"]}", payload.json());
        assertEquals("{\"working_directory\":" + JsonText.appendString(new StringBuilder(), System.getProperty("user.dir"))
                + ",\"exceptions\":[{\"message\":\"bad <state> & \\\"quotes\\\"\",\"type\":\"java.lang.IllegalStateException\","
                + "\"stack\":[{\"label\":\"handleRequest\",\"path\":\"Handler.java\",\"line\":12}]}],"
                + "\"paths\":[\"Handler.java\"]}", payload.xrayCauseJson());
    }

    @Test
    void exceptionWithoutMessageUsesItsClassName() {
        ErrorPayload payload = ErrorReports.toPayload(new NullPointerException());
        assertTrue(payload.json().startsWith("{\"errorMessage\":\"java.lang.NullPointerException\","), payload.json());
    }

    @Test
    void handlerFaultIsBadFunctionCodeWithoutStackTrace() {
        ErrorPayload payload = ErrorReports.toPayload(
                new HandlerFault("Class not found: x.Y", "java.lang.ClassNotFoundException", new ClassNotFoundException("x.Y")));
        assertEquals("Runtime.BadFunctionCode", payload.runtimeErrorType());
        assertEquals("{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
                payload.json());
        assertNull(payload.xrayCauseJson());
    }

    @Test
    void controlCharactersAreEscapedAsAwsDoes() {
        assertEquals("\"a\\u0001b\\tc\\u2028\"", JsonText.appendString(new StringBuilder(), "a\u0001b\tc\u2028").toString());
    }

    /** A bridge error with its own type, e.g. a PHP handler's error relayed by the worker bridge. */
    static class Typed extends RuntimeException implements TypedError {
        private final String type;
        private final java.util.List<String> lines;

        Typed(String message, String type, java.util.List<String> lines) {
            super(message);
            this.type = type;
            this.lines = lines;
        }

        @Override
        public String errorType() {
            return type;
        }

        @Override
        public java.util.List<String> errorStackTrace() {
            return lines;
        }
    }

    @Test
    void typedErrorNamesItsOwnTypeAndStackTrace() {
        ErrorPayload payload = ErrorReports.toPayload(
                new Typed("php exited with status 3", "Process.ExitError", java.util.List.of("#0 handler.php(3)")));
        assertEquals("Runtime.UserException", payload.runtimeErrorType());
        assertEquals("{\"errorMessage\":\"php exited with status 3\",\"errorType\":\"Process.ExitError\","
                + "\"stackTrace\":[\"#0 handler.php(3)\"]}", payload.json());
        assertTrue(payload.xrayCauseJson().contains("\"type\":\"Process.ExitError\""), payload.xrayCauseJson());
        assertEquals("php exited with status 3: Process.ExitError\n\t#0 handler.php(3)\n",
                ErrorReports.logText(new Typed("php exited with status 3", "Process.ExitError",
                        java.util.List.of("#0 handler.php(3)"))));
    }

    @Test
    void typedErrorWithoutOwnLinesKeepsItsJavaStackTrace() {
        Typed failure = new Typed("boom", "Worker.Timeout", null);
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.example.Bridge", "call", "Bridge.java", 7)});
        ErrorPayload payload = ErrorReports.toPayload(failure);
        assertEquals("{\"errorMessage\":\"boom\",\"errorType\":\"Worker.Timeout\","
                + "\"stackTrace\":[\"com.example.Bridge.call(Bridge.java:7)\"]}", payload.json());
        assertTrue(ErrorReports.logText(failure).startsWith("boom: Worker.Timeout\n"), ErrorReports.logText(failure));
    }

    @Test
    void typedErrorMayNameItsOwnStackTraceKey() {
        Typed failure = new Typed("boom", "TypeError", java.util.List.of("TypeError: boom", "    at f (/var/task/a.js:1:7)")) {
            @Override
            public String stackTraceKey() {
                return "trace";
            }
        };
        assertEquals("{\"errorMessage\":\"boom\",\"errorType\":\"TypeError\","
                + "\"trace\":[\"TypeError: boom\",\"    at f (/var/task/a.js:1:7)\"]}", ErrorReports.toPayload(failure).json());
    }

    @Test
    void logTextNamesMessageTypeAndTrace() {
        String text = ErrorReports.logText(new IllegalArgumentException("nope"));
        assertTrue(text.startsWith("nope: java.lang.IllegalArgumentException\njava.lang.IllegalArgumentException: nope"), text);
    }
}
