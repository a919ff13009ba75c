package dev.lambdabridge.bridge.process;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.HandlerFault;

import java.util.ArrayList;
import java.util.List;

/**
 * The program and arguments of an {@code exec:} or {@code worker:} handler string, e.g. {@code php HelloLambda.php}
 * or {@code ./hello {event}}.
 *
 * <p>Rules (no shell ever runs, so nothing here is ever interpreted by one):
 * <ul>
 *   <li>the spec is split on spaces and tabs; runs of them separate arguments, so an argument cannot contain one;</li>
 *   <li>quotes and backslashes are not interpreted; a quote character is refused with a message, since quoting
 *       that silently reached the program as a literal {@code "} would be a worse surprise;</li>
 *   <li>{@code {event}}, as a whole argument, stands for one argument holding the event JSON
 *       ({@code exec:} only; it may appear more than once); it cannot be part of a longer argument.</li>
 * </ul>
 */
record CommandSpec(String scheme, String program, List<String> arguments) {
    static final String EVENT_PLACEHOLDER = "{event}";
    /** The errorType AWS's Node.js runtime gives a handler string it cannot parse. */

    CommandSpec {
        arguments = List.copyOf(arguments);
    }

    /**
     * @param scheme {@code exec} or {@code worker}, for messages and for the {@code {event}} rule
     * @throws HandlerFault when the spec is empty or uses a form the bridge does not support
     */
    static CommandSpec parse(String scheme, String spec) {
        List<String> tokens = split(spec);
        if (tokens.isEmpty()) {
            throw new HandlerFault("Handler \"" + scheme + ":" + spec + "\" names no program: write the program and "
                    + "its arguments after \"" + scheme + ":\", e.g. " + example(scheme),
                    LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
        }
        for (String token : tokens) {
            if (token.indexOf('"') >= 0 || token.indexOf('\'') >= 0) {
                throw new HandlerFault("Handler \"" + scheme + ":" + spec + "\": quotes are not supported. The "
                        + "handler string is split on spaces and never goes through a shell, so a quote would reach "
                        + "the program as a literal character, and an argument cannot contain a space",
                        LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
            }
            if (token.contains(EVENT_PLACEHOLDER) && !token.equals(EVENT_PLACEHOLDER)) {
                throw new HandlerFault("Handler \"" + scheme + ":" + spec + "\": " + EVENT_PLACEHOLDER + " must be a "
                        + "whole argument (it becomes one argument holding the event JSON), not part of \"" + token
                        + "\"", LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
            }
        }
        String program = tokens.getFirst();
        if (program.equals(EVENT_PLACEHOLDER)) {
            throw new HandlerFault("Handler \"" + scheme + ":" + spec + "\": the first word must be the program, not "
                    + EVENT_PLACEHOLDER, LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
        }
        List<String> arguments = tokens.subList(1, tokens.size());
        if (!"exec".equals(scheme) && arguments.contains(EVENT_PLACEHOLDER)) {
            throw new HandlerFault("Handler \"" + scheme + ":" + spec + "\": " + EVENT_PLACEHOLDER + " is for exec: "
                    + "handlers; a worker receives each event in an INVOKE frame",
                    LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
        }
        return new CommandSpec(scheme, program, arguments);
    }

    private static String example(String scheme) {
        return "exec".equals(scheme) ? "exec:php HelloLambda.php or exec:./hello {event}" : "worker:php handler.php";
    }

    private static List<String> split(String spec) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= spec.length(); i++) {
            boolean separator = i == spec.length() || spec.charAt(i) == ' ' || spec.charAt(i) == '\t';
            if (separator && start >= 0) {
                tokens.add(spec.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** Whether the event goes into the arguments (else it goes to stdin). */
    boolean eventInArguments() {
        return arguments.contains(EVENT_PLACEHOLDER);
    }

    /** The argv to start: the resolved program, then the arguments with {@code {event}} replaced. */
    List<String> argv(String programPath, String eventArgument) {
        List<String> argv = new ArrayList<>(arguments.size() + 1);
        argv.add(programPath);
        for (String argument : arguments) {
            argv.add(argument.equals(EVENT_PLACEHOLDER) ? eventArgument : argument);
        }
        return argv;
    }

    /** The command as written, for messages: {@code php HelloLambda.php}. */
    String display() {
        return arguments.isEmpty() ? program : program + " " + String.join(" ", arguments);
    }
}
