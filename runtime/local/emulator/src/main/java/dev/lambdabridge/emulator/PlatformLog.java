package dev.lambdabridge.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Writes Lambda's platform lines (START, END, REPORT, timeouts, runtime exits) to the log sink and to the
 * invocation's tail, in CloudWatch's format.
 */
final class PlatformLog {
    private final Consumer<String> sink;

    PlatformLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** A line of the invocation's log: to the sink, and to its tail when one is kept. */
    void line(LogTail tail, String line) {
        sink.accept(line);
        if (tail != null) {
            tail.append(line);
        }
    }

    void start(HostedInvocation invocation) {
        line(invocation.tail(), "START RequestId: " + invocation.requestId() + " Version: $LATEST");
    }

    void end(HostedInvocation invocation) {
        line(invocation.tail(), "END RequestId: " + invocation.requestId());
    }

    /** {@code <ISO time> <id> Task timed out after 3.00 seconds}. */
    void timedOut(HostedInvocation invocation, String seconds) {
        line(invocation.tail(), Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + invocation.requestId() + " Task timed out after " + seconds
                + " seconds");
    }

    /** Lambda's two lines for a runtime (or an extension) that died during the invocation: the message, the type. */
    void exitError(HostedInvocation invocation, String message, String errorType) {
        line(invocation.tail(), message);
        line(invocation.tail(), errorType);
    }

    void report(HostedInvocation invocation, Report report) {
        line(invocation.tail(), report.format(invocation.requestId()));
    }
}
