package dev.lambdabridge.benchmark;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import java.util.ArrayDeque;

/**
 * The last lines the suites' emulators logged (START/END/REPORT and the runtimes' output): they feed only the
 * message of a failure, which says what the runtime printed before it answered wrong.
 */
final class EmulatorLog {
    private static final int LINES = 200;
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    /** An emulator whose log goes here. */
    Emulator start() {
        return Emulator.start(EmulatorOptions.defaults().withLogSink(this::add));
    }

    private synchronized void add(String line) {
        if (recent.size() == LINES) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    /** The recent lines, one per line, for an error message. */
    synchronized String tail() {
        return "last log lines:\n" + String.join("\n", recent);
    }
}
