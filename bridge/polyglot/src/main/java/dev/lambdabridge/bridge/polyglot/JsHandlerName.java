package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.contract.LambdaErrorTypes;
import dev.lambdabridge.runtime.errors.HandlerFault;

import java.util.List;

/**
 * {@code index.handler}, {@code src/app.handler}, {@code index.api.get}: the module path (relative to the task
 * root, without extension) up to the first dot after the last slash, then the export and any nested members.
 */
record JsHandlerName(String text, String module, List<String> exportPath) {

    static JsHandlerName parse(String text) {
        int dot = text.indexOf('.', text.lastIndexOf('/') + 1);
        // a trailing dot would leave an empty member, which split() drops silently (found by HandlerNamesFuzzTest)
        if (dot <= 0 || text.endsWith(".") || text.startsWith("/") || text.contains("..")) {
            throw new HandlerFault("Bad handler js:" + text + ": expected MODULE.EXPORT, e.g. js:index.handler for "
                    + "the export handler of index.js or index.mjs in the task root",
                    LambdaErrorTypes.MALFORMED_HANDLER_NAME, null);
        }
        return new JsHandlerName(text, text.substring(0, dot), List.of(text.substring(dot + 1).split("\\.")));
    }

    @Override
    public String toString() {
        return text;
    }
}
