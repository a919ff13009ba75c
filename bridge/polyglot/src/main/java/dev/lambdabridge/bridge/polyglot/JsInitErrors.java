package dev.lambdabridge.bridge.polyglot;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Init failures of a JavaScript function, as AWS's Node.js runtime (aws-lambda-ric on Node 22) reports them: a
 * syntax error is {@code Runtime.UserCodeSyntaxError}, a module that cannot be found (Node's
 * {@code MODULE_NOT_FOUND}) {@code Runtime.ImportModuleError} with Node's message, a handler that is not there
 * {@code Runtime.HandlerNotFound}, and anything else thrown while the module ran is reported with its own name,
 * message and stack. The guest error is read here, before its context is closed.
 */
final class JsInitErrors {
    private JsInitErrors() {
    }

    /** The exported function the handler string names, or Node's runtime's HandlerNotFound. */
    static Value handler(Value module, JsHandlerName name) {
        Value handler = module;
        for (String member : name.exportPath()) {
            handler = handler == null || !handler.hasMembers() ? null : handler.getMember(member);
        }
        if (handler == null || handler.isNull()) {
            throw runtimeError("Runtime.HandlerNotFound", name + " is undefined or not exported");
        }
        if (!handler.canExecute()) {
            throw runtimeError("Runtime.HandlerNotFound", name + " is not a function");
        }
        return handler;
    }

    /** No {@code MODULE.js}, {@code .mjs} or {@code .cjs} in the task root. */
    static GuestError moduleNotFound(String module, Path taskRoot) {
        return runtimeError("Runtime.ImportModuleError", "Error: Cannot find module '" + module + "'\nRequire stack:\n- "
                + "/var/runtime/index.mjs");
    }

    static RuntimeException of(PolyglotException e) {
        if (!e.isGuestException()) {
            return GuestHandler.guestFailure(e);
        }
        Value error = e.getGuestObject();
        String type = member(error, "name", "Error");
        String message = error != null && error.hasMembers() ? member(error, "message", "") : String.valueOf(error);
        if (e.isSyntaxError() || "SyntaxError".equals(type)) {
            return runtimeError("Runtime.UserCodeSyntaxError", "SyntaxError: " + message);
        }
        if ("MODULE_NOT_FOUND".equals(member(error, "code", null))) {
            return runtimeError("Runtime.ImportModuleError", type + ": " + message);
        }
        if (error == null || !error.hasMembers()) {
            return new GuestError(typeOf(error), String.valueOf(error), List.of());
        }
        String stack = member(error, "stack", type + ": " + message);
        return new GuestError(type, message, Arrays.asList(stack.split("\n")));
    }

    /** An error of the Node.js runtime itself: its stack is its one line {@code TYPE: MESSAGE}. */
    private static GuestError runtimeError(String type, String message) {
        List<String> trace = new ArrayList<>(Arrays.asList((type + ": " + message).split("\n")));
        return new GuestError(type, message, trace);
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
