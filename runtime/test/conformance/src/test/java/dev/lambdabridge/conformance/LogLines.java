package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.InvokeResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The function's own log lines of one invocation: its log tail between Lambda's START and END lines (a cold
 * invocation's tail also holds what the runtime's JVM printed at init, which differs between runtimes), with what differs between any two invocations replaced: the request id, X-Ray trace ids and timestamps.
 */
final class LogLines {
    private LogLines() {
    }

    static List<String> of(InvokeResult result) {
        if (result.logTail() == null) {
            throw new IllegalStateException("no log tail: invoke with LogType.TAIL");
        }
        List<String> lines = new ArrayList<>();
        boolean started = false;
        for (String line : result.logTail().split("\n")) {
            if (line.startsWith("START RequestId:")) {
                started = true;
                continue;
            }
            if (line.startsWith("END RequestId:")) {
                break;
            }
            if (!started || line.isBlank()) {
                continue;
            }
            // AWS's client announces its loops in the first invocation's log, with no newline after it
            line = line.replaceFirst("^Starting \\d+ concurrent function handler threads\\.", "");
            lines.add(line.replace(result.requestId(), "<request-id>")
                    .replaceAll("Root=1-[0-9a-f]{8}-[0-9a-f]{24}(;[A-Za-z]+=[0-9a-f-]+)*", "<trace-header>")
                    .replaceAll("1-[0-9a-f]{8}-[0-9a-f]{24}", "<trace-id>")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z?", "<timestamp>"));
        }
        return lines;
    }
}
