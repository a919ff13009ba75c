package example.apps.time;

/** The outcome of the service checks: passed or not, and a message saying what was checked or what failed. */
public record CheckResult(boolean passed, String message) {
    static CheckResult pass(String message) {
        return new CheckResult(true, message);
    }

    static CheckResult fail(String message) {
        return new CheckResult(false, message);
    }
}
