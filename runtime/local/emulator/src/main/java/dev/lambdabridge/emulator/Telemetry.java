package dev.lambdabridge.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The records of the Telemetry API's platform events, with Lambda's field names (schema 2022-12-01). */
final class Telemetry {
    private Telemetry() {
    }

    private static ObjectNode record(String requestId) {
        return TelemetrySubscription.JSON.createObjectNode().put("requestId", requestId);
    }

    static ObjectNode start(String requestId, String traceId) {
        ObjectNode record = record(requestId).put("version", "$LATEST");
        record.putObject("tracing").put("type", "X-Amzn-Trace-Id").put("value", traceId);
        return record;
    }

    static ObjectNode runtimeDone(String requestId, Outcome outcome, double durationMs, int producedBytes) {
        ObjectNode record = record(requestId).put("status", status(outcome));
        record.putObject("metrics").put("durationMs", round(durationMs)).put("producedBytes", producedBytes);
        return record;
    }

    static ObjectNode report(String requestId, Outcome outcome, InvokeResult result, int memoryMb) {
        ObjectNode record = record(requestId).put("status", status(outcome));
        ObjectNode metrics = record.putObject("metrics").put("durationMs", round(result.durationMs()))
                .put("billedDurationMs", (long) Math.ceil(result.durationMs()
                        + (result.initDurationMs() == null ? 0 : result.initDurationMs())))
                .put("memorySizeMB", memoryMb).put("maxMemoryUsedMB", result.maxMemoryUsedMb());
        if (result.initDurationMs() != null) {
            metrics.put("initDurationMs", round(result.initDurationMs()));
        }
        return record;
    }

    /** success, error (the function's own), timeout, failure (the runtime failed or exited). */
    private static String status(Outcome outcome) {
        if ("timeout".equals(outcome.status())) {
            return "timeout";
        }
        if (outcome.status() != null) {
            return "failure";
        }
        return outcome.functionError() ? "error" : "success";
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
