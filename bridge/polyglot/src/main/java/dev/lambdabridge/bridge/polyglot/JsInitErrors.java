package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.GuestError;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Init failures of a JavaScript function, as AWS's Node.js runtime (aws-lambda-ric 4 on Node 22) reports them: a
 * syntax error is {@code Runtime.UserCodeSyntaxError}, a CommonJS module that cannot be found (Node's
 * {@code MODULE_NOT_FOUND}) {@code Runtime.ImportModuleError} with Node's message and require stack, a handler that
 * is not there {@code Runtime.HandlerNotFound}, and anything else thrown (or rejected by a top-level await) while
 * the module ran is reported with its own name, message and stack. The guest error is read here, before its
 * context is closed.
 */
final class JsInitErrors {
    /** GraalJS's syntax error messages start with "FILE:LINE:COLUMN "; Node's give the message alone. */
    private static final Pattern LOCATION = Pattern.compile("^(SyntaxError: )?\\S+:\\d+:\\d+ ");
    /** ModuleHost's CommonJS wrapper, on the first line of every CommonJS source. */
    private static final String WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";

    private JsInitErrors() {
    }

    /**
     * The exported function the handler string names, looked up as Node.js's runtime does: in the module, then in
     * its default export; else its HandlerNotFound.
     */
    static Value handler(Value module, JsHandlerName name) {
        Value handler = find(module, name.exportPath());
        if ((handler == null || handler.isNull()) && module != null && module.hasMember("default")) {
            handler = find(module.getMember("default"), name.exportPath());
        }
        if (handler == null || handler.isNull()) {
            throw runtimeError("Runtime.HandlerNotFound", name + " is undefined or not exported");
        }
        if (!handler.canExecute()) {
            throw runtimeError("Runtime.HandlerNotFound", name + " is not a function");
        }
        return handler;
    }

    private static Value find(Value module, List<String> path) {
        Value value = module;
        for (String member : path) {
            value = value == null || !value.hasMembers() ? null : value.getMember(member);
        }
        return value;
    }

    /** No {@code MODULE}, {@code MODULE.js}, {@code .mjs} or {@code .cjs} in the task root. */
    static GuestError moduleNotFound(String module) {
        return runtimeError("Runtime.ImportModuleError", "Error: Cannot find module '" + module + "'\nRequire stack:\n- "
                + "/var/runtime/index.mjs");
    }

    /** A module whose top-level await waits for nothing: Node exits (status 13) and its runtime with it. */
    static GuestError unsettledTopLevelAwait(String file) {
        return runtimeError(LambdaErrorTypes.EXIT_ERROR, "Error: Runtime exited with error: exit status 13 (" + file
                + ": unsettled top-level await)");
    }

    /** What was thrown while the module loaded. */
    static RuntimeException of(PolyglotException e) {
        if (e.isSyntaxError()) {
            return syntaxError(e);
        }
        if (!e.isGuestException()) {
            return GuestHandler.guestFailure(e, true);
        }
        return thrown(e.getGuestObject());
    }

    /** A guest value thrown (or rejected) while the module loaded. */
    static GuestError thrown(Value error) {
        if (error == null || error.isNull() || !error.hasMembers()) {
            return GuestError.javascript(typeOf(error), error == null ? "null" : error.toString(), List.of());
        }
        String type = member(error, "name", "Error");
        String message = member(error, "message", "");
        if ("SyntaxError".equals(type)) {
            return runtimeError("Runtime.UserCodeSyntaxError", "SyntaxError: " + message);
        }
        if ("MODULE_NOT_FOUND".equals(member(error, "code", null))) {
            return runtimeError("Runtime.ImportModuleError", type + ": " + message);
        }
        String stack = member(error, "stack", type + ": " + message);
        return GuestError.javascript(type, message, Arrays.asList(stack.split("\n")));
    }

    /**
     * A syntax error, with Node's stack: the file and line, the line, a caret under the column, then
     * {@code SyntaxError: message}. The message is GraalJS's first (Node's own words are V8's).
     */
    private static GuestError syntaxError(PolyglotException e) {
        String text = String.valueOf(e.getMessage());
        String message = LOCATION.matcher(text.lines().findFirst().orElse("")).replaceFirst("");
        List<String> trace = new ArrayList<>();
        SourceSection location = e.getSourceLocation();
        if (location != null && location.getSource() != null && location.getSource().getPath() != null) {
            String path = location.getSource().getPath();
            boolean module = "application/javascript+module".equals(location.getSource().getMimeType());
            int line = location.getStartLine();
            int column = location.getStartColumn() - 1;
            String code = location.getSource().getCharacters(line).toString();
            if (line == 1 && code.startsWith(WRAPPER_HEAD)) {
                code = code.substring(WRAPPER_HEAD.length());
                column -= WRAPPER_HEAD.length();
            }
            trace.add((module ? "file://" : "") + path + ":" + line);
            trace.add(code);
            trace.add(" ".repeat(Math.max(0, column)) + "^");
            trace.add("");
        }
        trace.add("SyntaxError: " + message);
        return GuestError.javascript("Runtime.UserCodeSyntaxError", "SyntaxError: " + message, trace);
    }

    /** An error of the Node.js runtime itself: its stack is its one line {@code TYPE: MESSAGE}. */
    private static GuestError runtimeError(String type, String message) {
        List<String> trace = new ArrayList<>(Arrays.asList((type + ": " + message).split("\n")));
        return GuestError.javascript(type, message, trace);
    }

    private static String member(Value object, String name, String fallback) {
        if (object == null || !object.hasMembers()) {
            return fallback;
        }
        Value value = object.getMember(name);
        return value == null || value.isNull() ? fallback : value.toString();
    }

    private static String typeOf(Value value) {
        if (value == null || value.isNull()) {
            return "object";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isBoolean() ? "boolean" : "object";
    }
}
