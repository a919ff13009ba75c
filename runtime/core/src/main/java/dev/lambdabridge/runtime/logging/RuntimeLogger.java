package dev.lambdabridge.runtime.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.json.JsonText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@link LambdaLogger} of {@code context.getLogger()} and {@code LambdaRuntime.getLogger()}, and the runtime's
 * own log. One call is one record, written to stdout where Lambda collects it:
 * <ul>
 *   <li>{@code AWS_LAMBDA_LOG_FORMAT=TEXT} (default): the message, prefixed with {@code [LEVEL] } when a level is
 *       given, as AWS's Java runtime writes it; a newline is added when the message has none, so records never
 *       run together;</li>
 *   <li>{@code JSON}: one object per line with {@code timestamp}, {@code message}, {@code level} and
 *       {@code AWSRequestId} (the field names of AWS's Java runtime); a record without a level is {@code INFO}.</li>
 * </ul>
 * A message given as bytes is written as it is in both formats (a logging library's own layout), as AWS's client
 * writes it.
 * {@code AWS_LAMBDA_LOG_LEVEL} drops records below it; records without a level are always written.
 * The request id is per thread, so concurrent invoke loops each log their own.
 */
public final class RuntimeLogger implements LambdaLogger {
    /** Made on the first JSON record (holder idiom): parsing the pattern costs a TEXT-format cold start ~3 ms. */
    private static final class Timestamp {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    }
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private final OutputStream out;
    private final boolean json;
    private final LogLevel minimum;

    public RuntimeLogger(OutputStream out, String format, String level) {
        this.out = out;
        this.json = "JSON".equalsIgnoreCase(format == null ? "" : format.trim());
        this.minimum = parseLevel(level);
    }

    private static LogLevel parseLevel(String level) {
        if (level == null || level.isBlank()) {
            return LogLevel.UNDEFINED;
        }
        try {
            return LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("AWS_LAMBDA_LOG_LEVEL \"" + level + "\" is not one of TRACE, DEBUG, INFO, WARN, "
                    + "ERROR, FATAL; logging every level");
            return LogLevel.UNDEFINED;
        }
    }

    /** Sets the request id that this thread's records carry (null after the invocation). */
    public static void setRequestId(String requestId) {
        if (requestId == null) {
            REQUEST_ID.remove();
        } else {
            REQUEST_ID.set(requestId);
        }
    }

    public boolean isJson() {
        return json;
    }

    public boolean isEnabled(LogLevel level) {
        return level == LogLevel.UNDEFINED || minimum == LogLevel.UNDEFINED || level.ordinal() >= minimum.ordinal();
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        if (!isEnabled(level)) {
            return;
        }
        String text = message == null ? "null" : message;
        write((json ? jsonRecord(text, level) : textRecord(text, level)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        if (!isEnabled(level)) {
            return;
        }
        // bytes are written as they are in both formats, as AWS's runtime interface client 2.10.1 does: they are
        // what a logging library's layout made (aws-lambda-java-log4j2's LambdaAppender logs its layout's bytes,
        // its own JSON under AWS_LAMBDA_LOG_FORMAT=JSON), and wrapping them would nest one record in another
        write(message == null ? "null".getBytes(StandardCharsets.US_ASCII) : message);
    }

    private static String textRecord(String message, LogLevel level) {
        String prefixed = level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message;
        return prefixed.endsWith("\n") ? prefixed : prefixed + "\n";
    }

    private static String jsonRecord(String message, LogLevel level) {
        StringBuilder record = new StringBuilder(message.length() + 128).append("{\"timestamp\":\"");
        Timestamp.FORMAT.formatTo(Instant.now(), record);
        record.append("\",\"message\":");
        JsonText.appendString(record, message);
        record.append(",\"level\":\"").append(level == LogLevel.UNDEFINED ? LogLevel.INFO : level).append('"');
        String requestId = REQUEST_ID.get();
        if (requestId != null) {
            JsonText.appendString(record.append(",\"AWSRequestId\":"), requestId);
        }
        return record.append("}\n").toString();
    }

    private void write(byte[] bytes) {
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // stdout is gone; there is nowhere left to report this
            }
        }
    }
}
