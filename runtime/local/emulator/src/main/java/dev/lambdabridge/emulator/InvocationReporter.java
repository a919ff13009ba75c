package dev.lambdabridge.emulator;

import java.nio.charset.StandardCharsets;

/**
 * The end of an invocation as Lambda reports it: the START line when it was never delivered, END and REPORT
 * (duration, init duration, memory), the Telemetry API's {@code platform.runtimeDone} and {@code platform.report},
 * the caller's stream ended or its buffered answer, and the {@link InvokeResult}.
 */
final class InvocationReporter {
    private final FunctionConfig config;
    private final PlatformLog log;

    InvocationReporter(FunctionConfig config, PlatformLog log) {
        this.config = config;
        this.log = log;
    }

    /** Called once per invocation, when it is DONE; {@code telemetry} is the running environment's extensions. */
    InvokeResult report(HostedInvocation invocation, Outcome outcome, ExtensionHost telemetry) {
        boolean delivered = invocation.deliveredNanos != 0;
        if (!delivered) {
            log.start(invocation);
        }
        RuntimeProcess served = invocation.process();
        if (invocation.coldStart && invocation.initDurationMs == null && served != null) {
            invocation.initDurationMs = invocation.sandbox.initDurationMs();
        }
        InvokeResult result = result(invocation, outcome, served);
        if (delivered && telemetry.hasSubscribers()) {
            telemetry.publish("platform.runtimeDone", Telemetry.runtimeDone(invocation.requestId(), outcome,
                    result.durationMs(), outcome.payload().length));
            telemetry.publish("platform.report", Telemetry.report(invocation.requestId(), outcome, result,
                    config.memoryMb()));
        }
        String errorType = outcome.errorType() != null ? outcome.errorType() : invocation.streamErrorType;
        if (invocation.sink.committed()) {
            invocation.sink.end(result, errorType);
        } else {
            invocation.sink.unstreamed(result, errorType);
        }
        return result;
    }

    private InvokeResult result(HostedInvocation invocation, Outcome outcome, RuntimeProcess served) {
        double durationMs = invocation.durationMs();
        int memoryUsed = invocation.maxMemoryUsedMb > 0 ? invocation.maxMemoryUsedMb
                : served == null ? 0 : served.maxMemoryUsedMb();
        log.end(invocation);
        log.report(invocation, new Report(durationMs, invocation.initDurationMs, config.memoryMb(), memoryUsed,
                outcome.status(), outcome.errorType()));
        String tail = invocation.tail() == null ? null
                : new String(invocation.tail().lastBytes(), StandardCharsets.UTF_8);
        return new InvokeResult(200, outcome.payload(), outcome.functionError() ? ErrorTypes.UNHANDLED : null,
                tail, invocation.requestId(), durationMs, invocation.initDurationMs, memoryUsed,
                served == null ? 0 : served.pid());
    }
}
