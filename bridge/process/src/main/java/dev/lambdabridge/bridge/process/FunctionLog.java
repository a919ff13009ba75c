package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.logging.RuntimeLogger;

/**
 * Where the programs' output lines go: the function's log, through the runtime's logger (stdout, where Lambda
 * collects it). In the TEXT format a line read during an invocation is written as {@code <requestId>\t<line>}, as
 * Lambda tags runtime log lines; in the JSON format the line is the record's message and the request id its
 * {@code AWSRequestId}. A line read outside an invocation (a worker starting) is written as it is.
 */
final class FunctionLog {
    private final RuntimeLogger logger;

    FunctionLog(RuntimeLogger logger) {
        this.logger = logger;
    }

    /** One line of a program's output; {@code requestId} may be null. Safe from any thread. */
    void line(String requestId, String text) {
        if (logger.isJson()) {
            RuntimeLogger.setRequestId(requestId); // per thread: the pump thread's own
            logger.log(text);
        } else {
            logger.log(requestId == null ? text : requestId + "\t" + text);
        }
    }

    /** A message of the bridge itself, e.g. that a worker was restarted. */
    void note(String text) {
        logger.log("lambda-bridge: " + text);
    }
}
