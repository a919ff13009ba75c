package dev.lambdabridge.reliability.soak;

/**
 * One kind of fault a soak function can be asked for, how often (weight, relative to the function's other
 * faults) and what the caller must get back.
 *
 * @param name   the event's {@code fault} field ({@code malformed}: the payload is not JSON at all)
 * @param weight relative frequency in the seeded mix
 * @param expect what the invocation must end with
 * @param endsProcess whether it ends the runtime process (an exit, an out-of-memory, a timeout the emulator kills
 *                    for): with several invocations in flight in that process, the others end with it
 */
record Fault(String name, int weight, Expect expect, boolean endsProcess) {

    /** What an invocation must end with. */
    sealed interface Expect permits Answer, Error, Refused {
    }

    /** A response echoing the invocation's nonce. */
    record Answer() implements Expect {
    }

    /**
     * A function error of this errorType; {@code nonceInMessage} when the handler itself wrote the message (then
     * the message names the invocation's nonce).
     */
    record Error(String errorType, boolean nonceInMessage) implements Expect {
    }

    /** Refused by the Invoke API before any runtime sees it (status 400, this error type). */
    record Refused(String errorType) implements Expect {
    }

    static Fault answer(String name, int weight) {
        return new Fault(name, weight, new Answer(), false);
    }

    static Fault error(String name, int weight, String errorType) {
        return new Fault(name, weight, new Error(errorType, false), false);
    }

    /** A fault that ends the runtime process, and the error its own invocation ends with. */
    static Fault fatal(String name, int weight, String errorType) {
        return new Fault(name, weight, new Error(errorType, false), true);
    }

    /** A fault whose error the handler raises, with the nonce in its message. */
    static Fault raised(String name, int weight, String errorType) {
        return new Fault(name, weight, new Error(errorType, true), false);
    }

    static Fault malformed(int weight) {
        return new Fault("malformed", weight, new Refused("InvalidRequestContentException"), false);
    }
}
