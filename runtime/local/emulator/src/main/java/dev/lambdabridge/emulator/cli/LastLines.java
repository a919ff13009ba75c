package dev.lambdabridge.emulator.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;

/** The last few lines of a function's log, kept during a training run and printed when it fails. */
final class LastLines {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    LastLines(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized void printTo(PrintStream err) {
        if (lines.isEmpty()) {
            return;
        }
        err.println("emulator: the function's last " + lines.size() + " log lines:");
        lines.forEach(line -> err.println("  " + line));
    }
}
