package dev.lambdabridge.emulator;

/** Names of POSIX signals as Go's {@code os.ProcessState.String()} prints them (what Lambda reports). */
final class Signals {
    private static final String[] NAMES = {
        "signal 0", "hangup", "interrupt", "quit", "illegal instruction", "trace/breakpoint trap", "aborted",
        "bus error", "floating point exception", "killed", "user defined signal 1", "segmentation fault",
        "user defined signal 2", "broken pipe", "alarm clock", "terminated"};

    private Signals() {
    }

    static String name(int signal) {
        return signal >= 0 && signal < NAMES.length ? NAMES[signal] : "signal " + signal;
    }
}
