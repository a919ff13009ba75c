package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code invoke-all}: invokes each function of a functions file once with its sample event, printing a header,
 * the invocation's log lines and the result; exit 1 if any failed.
 */
final class InvokeAll {
    private InvokeAll() {
    }

    static int run(CliOptions options, PrintStream out, PrintStream err) throws UsageException {
        if (options.functionsFile() == null) {
            throw new UsageException("invoke-all needs --functions FILE.json");
        }
        List<FunctionsFile.Entry> entries = FunctionsFile.read(options.functionsFile());
        int failures = 0;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(out::println))) {
            for (FunctionsFile.Entry entry : entries) {
                emulator.addFunction(entry.config());
            }
            for (FunctionsFile.Entry entry : entries) {
                failures += invokeOne(emulator, entry, out, err) ? 0 : 1;
            }
        }
        out.println(failures == 0 ? "all " + entries.size() + " functions succeeded"
                : failures + " of " + entries.size() + " functions failed");
        return failures == 0 ? 0 : 1;
    }

    private static boolean invokeOne(Emulator emulator, FunctionsFile.Entry entry, PrintStream out,
                                     PrintStream err) {
        out.println("=== " + entry.config().name() + " (" + entry.config().handler() + ") ===");
        try {
            byte[] event = entry.event() == null ? "{}".getBytes() : Files.readAllBytes(entry.event());
            InvokeResult result = emulator.invoke(entry.config().name(), InvokeRequest.of(event));
            out.println((result.isFunctionError() ? "FAILED: " : "result: ") + result.payloadText());
            return !result.isFunctionError();
        } catch (IOException e) {
            err.println("emulator: cannot read the event " + entry.event() + " of " + entry.config().name() + ": "
                    + e.getMessage());
        } catch (InvokeApiException e) {
            out.println("FAILED: invoke refused (" + e.errorType() + "): " + e.getMessage());
        }
        return false;
    }
}
