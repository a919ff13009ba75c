package dev.lambdabridge.emulator.cli;

/** A bad command line: the message names the option and the value; the CLI exits 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
