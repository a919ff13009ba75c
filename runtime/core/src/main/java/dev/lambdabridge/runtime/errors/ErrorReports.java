package dev.lambdabridge.runtime.errors;

import dev.lambdabridge.contract.LambdaErrorTypes;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.api.ErrorPayload;
import dev.lambdabridge.runtime.json.JsonText;
import dev.lambdabridge.runtime.logging.RuntimeLogger;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns failures into what Lambda is told and what the log shows. The bodies are the ones AWS's Java runtime
 * client posts, so that a caller sees the same error under either runtime:
 * a handler exception gives {@code {"errorMessage","errorType","stackTrace"}} with error type
 * {@code Runtime.UserException}; a {@link HandlerFault} gives {@code {"errorMessage","errorType"}} with
 * {@code Runtime.BadFunctionCode}. Stack traces are cut at the first frame of this runtime, so they show only the
 * function's own frames. An exception that is a {@link TypedError} names its own {@code errorType} (and may bring
 * its own stack trace lines) instead of its class name.
 */
public final class ErrorReports {
    private static final String RUNTIME_PACKAGE = "dev.lambdabridge.runtime.";
    /** Lambda drops an X-Ray cause header of 1 MiB or more. */
    private static final int MAX_XRAY_CAUSE = 1024 * 1024;

    private ErrorReports() {
    }

    /**
     * Writes {@code failure} to the function's log as the managed runtime does ({@link #logText}): at ERROR in JSON
     * format, without a level in TEXT format.
     */
    public static void log(RuntimeLogger logger, Throwable failure) {
        logger.log(logText(failure), logger.isJson() ? LogLevel.ERROR : LogLevel.UNDEFINED);
    }

    /** The error report for {@code failure}, a {@link HandlerFault} or anything a handler threw. */
    public static ErrorPayload toPayload(Throwable failure) {
        if (failure instanceof HandlerFault fault) {
            StringBuilder json = new StringBuilder(128).append("{\"errorMessage\":");
            JsonText.appendString(json, fault.getMessage());
            if (fault.errorType() != null) {
                JsonText.appendString(json.append(",\"errorType\":"), fault.errorType());
            }
            return new ErrorPayload(LambdaErrorTypes.BAD_FUNCTION_CODE, json.append('}').toString(), null);
        }
        filterStackTrace(failure);
        StringBuilder json = new StringBuilder(512).append("{\"errorMessage\":");
        JsonText.appendString(json, messageOf(failure));
        JsonText.appendString(json.append(",\"errorType\":"), typeOf(failure));
        String traceKey = failure instanceof TypedError typed ? typed.stackTraceKey() : "stackTrace";
        JsonText.appendString(json.append(','), traceKey).append(":[");
        List<String> lines = stackTraceLines(failure);
        for (int i = 0; i < lines.size(); i++) {
            JsonText.appendString(i == 0 ? json : json.append(','), lines.get(i));
        }
        json.append("]}");
        String cause = xrayCause(failure);
        return new ErrorPayload(LambdaErrorTypes.USER_EXCEPTION, json.toString(),
                cause.length() < MAX_XRAY_CAUSE ? cause : null);
    }

    /** The text logged for a failed invocation or init: message, type and the filtered stack trace. */
    public static String logText(Throwable failure) {
        filterStackTrace(failure);
        if (failure instanceof TypedError typed && typed.errorStackTrace() != null) {
            StringBuilder text = new StringBuilder(256).append(messageOf(failure)).append(": ")
                    .append(typed.errorType()).append('\n');
            typed.errorStackTrace().forEach(line -> text.append('\t').append(line).append('\n'));
            return text.toString();
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String type = failure instanceof HandlerFault fault ? fault.errorType() : typeOf(failure);
        Throwable shown = failure instanceof HandlerFault && failure.getCause() != null ? failure.getCause() : failure;
        if (shown != failure) {
            trace = new StringWriter();
            filterStackTrace(shown);
            shown.printStackTrace(new PrintWriter(trace));
        }
        return messageOf(failure) + ": " + (type == null ? "" : type) + "\n" + trace;
    }

    /** The errorType of a handler failure: a {@link TypedError}'s own, else the exception's class name. */
    private static String typeOf(Throwable t) {
        if (t instanceof TypedError typed && typed.errorType() != null) {
            return typed.errorType();
        }
        return t.getClass().getName();
    }

    private static List<String> stackTraceLines(Throwable t) {
        if (t instanceof TypedError typed && typed.errorStackTrace() != null) {
            return typed.errorStackTrace();
        }
        StackTraceElement[] trace = t.getStackTrace();
        List<String> lines = new ArrayList<>(trace.length);
        for (StackTraceElement element : trace) {
            lines.add(element.toString());
        }
        return lines;
    }

    private static String messageOf(Throwable t) {
        return t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    }

    /** Removes this runtime's frames (and everything below them) from {@code t}, its causes and suppressed. */
    public static <T extends Throwable> T filterStackTrace(T t) {
        filter(t, Collections.newSetFromMap(new IdentityHashMap<>()));
        return t;
    }

    private static void filter(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
                t.setStackTrace(java.util.Arrays.copyOf(trace, i));
                break;
            }
        }
        filter(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            filter(suppressed, seen);
        }
    }

    /** The {@code Lambda-Runtime-Function-XRay-Error-Cause} value, in the shape AWS's runtime client sends. */
    static String xrayCause(Throwable t) {
        StringBuilder json = new StringBuilder(512).append("{\"working_directory\":");
        JsonText.appendString(json, System.getProperty("user.dir"));
        json.append(",\"exceptions\":[{");
        if (t.getMessage() != null) {
            JsonText.appendString(json.append("\"message\":"), t.getMessage()).append(',');
        }
        JsonText.appendString(json.append("\"type\":"), typeOf(t));
        json.append(",\"stack\":[");
        Set<String> paths = new LinkedHashSet<>();
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            String path = fileName(trace[i]);
            paths.add(path);
            JsonText.appendString((i == 0 ? json : json.append(',')).append("{\"label\":"), trace[i].getMethodName());
            JsonText.appendString(json.append(",\"path\":"), path);
            json.append(",\"line\":").append(trace[i].getLineNumber()).append('}');
        }
        json.append("]}],\"paths\":[");
        List<String> pathList = new ArrayList<>(paths);
        for (int i = 0; i < pathList.size(); i++) {
            JsonText.appendString(i == 0 ? json : json.append(','), pathList.get(i));
        }
        return json.append("]}").toString();
    }

    private static String fileName(StackTraceElement e) {
        if (e.getFileName() != null) {
            return e.getFileName();
        }
        String className = e.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + ".java";
    }
}
