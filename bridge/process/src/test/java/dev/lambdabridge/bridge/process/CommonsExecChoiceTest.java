package dev.lambdabridge.bridge.process;

import org.apache.commons.exec.CommandLine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why {@code exec:} starts programs with {@link ProcessBuilder} and not Commons Exec's {@code CommandLine} and
 * {@code DefaultExecutor} (see {@link ExecHandler}): a {@code CommandLine} argument is trimmed, even with quoting
 * off, so an event with a trailing newline would not reach the program byte for byte. If a later Commons Exec
 * keeps arguments as they are, this test fails and the choice can be revisited.
 */
class CommonsExecChoiceTest {

    @Test
    void commonsExecCommandLineTrimsArguments() {
        String event = " {\"a\": 1}\n";
        CommandLine line = new CommandLine("/var/task/hello").addArgument(event, false);
        assertEquals("{\"a\": 1}", line.getArguments()[0]);
    }
}
