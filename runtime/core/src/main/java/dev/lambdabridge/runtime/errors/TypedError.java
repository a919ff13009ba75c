package dev.lambdabridge.runtime.errors;

import java.util.List;

/**
 * An exception that names its own {@code errorType} instead of its Java class name, for bridges whose errors
 * have names of their own ({@code Process.Timeout}, {@code Worker.Exited}, or the {@code errorType} a PHP, Ruby
 * or Go handler reported). {@link ErrorReports} uses {@link #errorType()} in the error body, the log and the X-Ray
 * cause, and {@link #errorStackTrace()}, when not null, as the body's stack lines, under
 * {@link #stackTraceKey()}.
 */
public interface TypedError {

    /** The {@code errorType} of the error body, e.g. {@code Process.ExitError}. */
    String errorType();

    /**
     * The {@code stackTrace} lines of the error body, e.g. the frames a PHP handler reported; null (the default)
     * to use the exception's own Java stack trace.
     */
    default List<String> errorStackTrace() {
        return null;
    }

    /**
     * The error body's key for the stack lines: {@code stackTrace}, as AWS's Java, Python and Ruby runtimes name it;
     * a JavaScript error says {@code trace}, the key of AWS's Node.js runtime.
     */
    default String stackTraceKey() {
        return "stackTrace";
    }
}
